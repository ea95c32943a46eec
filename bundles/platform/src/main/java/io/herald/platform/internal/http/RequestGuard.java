package io.herald.platform.internal.http;

import io.herald.platform.api.BodyLimit;
import io.herald.platform.api.Problem;
import io.herald.platform.api.SchemaMigrations;
import java.lang.reflect.Method;
import javax.annotation.Priority;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * First filter of every request: refuses to serve while a schema migration has failed (only health answers,
 * with the reason), and caps the request body (413), declared or streamed.
 */
@Component(service = ContainerRequestFilter.class, configurationPid = "io.herald.http")
@Designate(ocd = RequestGuard.Config.class)
@JaxrsExtension
@Priority(100)
public class RequestGuard implements ContainerRequestFilter {

    @ObjectClassDefinition(name = "Herald HTTP")
    public @interface Config {
        @AttributeDefinition(description = "Largest request body accepted, in bytes, unless a resource says otherwise")
        long maxBodyBytes() default 1_048_576;
    }

    private final SchemaMigrations migrations;
    private final long maxBodyBytes;

    @Context
    ResourceInfo resourceInfo;

    @Activate
    public RequestGuard(@Reference SchemaMigrations migrations, Config config) {
        this.migrations = migrations;
        this.maxBodyBytes = config.maxBodyBytes();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.endsWith("health")) {
            migrations.status().stream().filter(s -> !s.ok()).findFirst().ifPresent(failed -> {
                throw Problem.unavailable("schema migration " + failed.changelog() + " failed; see the server log");
            });
        }
        long limit = limit();
        int declared = request.getLength();
        if (declared > limit) {
            throw Problem.payloadTooLarge(limit);
        }
        if (request.hasEntity() || request.getHeaderString("Transfer-Encoding") != null) {
            request.setEntityStream(new LimitedInputStream(request.getEntityStream(), limit));
        }
    }

    private long limit() {
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        if (method != null) {
            BodyLimit onMethod = method.getAnnotation(BodyLimit.class);
            if (onMethod != null) {
                return onMethod.bytes();
            }
            BodyLimit onClass = resourceInfo.getResourceClass().getAnnotation(BodyLimit.class);
            if (onClass != null) {
                return onClass.bytes();
            }
        }
        return maxBodyBytes;
    }
}
