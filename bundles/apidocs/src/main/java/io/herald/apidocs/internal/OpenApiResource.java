package io.herald.apidocs.internal;

import io.herald.platform.api.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3 document of every JAX-RS resource registered now. Built on the
 * first request after a resource came, changed or went, then served from memory with an ETag.
 */
@Component(service = OpenApiResource.class)
@JaxrsResource
@PublicEndpoint
@Path("/api/v1/openapi.json")
public class OpenApiResource {

    private record Document(long generation, byte[] json, EntityTag etag) {
    }

    private final Logger logger = LoggerFactory.getLogger(OpenApiResource.class);
    private final OpenApiGenerator generator;
    private final ResourceClasses resources;
    private final AtomicLong generation = new AtomicLong();
    private volatile Document document;

    @Activate
    public OpenApiResource(BundleContext context) {
        this.generator = new OpenApiGenerator(context.getBundle().getVersion().toString());
        this.resources = new ResourceClasses(context, generation::incrementAndGet);
        resources.open();
    }

    @Deactivate
    void deactivate() {
        resources.close();
        document = null;
        OpenApiGenerator.forgetClasses();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "This API's OpenAPI 3 document", description = "Generated from the resources running now.")
    public Response openApi(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Document current = current();
        CacheControl cache = new CacheControl();
        cache.setNoCache(true);
        if (ifNoneMatch != null && ifNoneMatch.contains("\"" + current.etag().getValue() + "\"")) {
            return Response.notModified(current.etag()).cacheControl(cache).build();
        }
        return Response.ok(current.json(), MediaType.APPLICATION_JSON_TYPE).tag(current.etag()).cacheControl(cache)
                .build();
    }

    private Document current() {
        Document cached = document;
        long wanted = generation.get();
        if (cached != null && cached.generation() == wanted) {
            return cached;
        }
        synchronized (this) {
            cached = document;
            wanted = generation.get();
            if (cached != null && cached.generation() == wanted) {
                return cached;
            }
            long started = System.nanoTime();
            byte[] json = OpenApiGenerator.toJson(generator.generate(resources.current()));
            OpenApiGenerator.forgetClasses();
            Document built = new Document(wanted, json, new EntityTag(sha256(json)));
            document = built;
            logger.debug("OpenAPI document built in {} ms ({} bytes)", (System.nanoTime() - started) / 1_000_000,
                    json.length);
            return built;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
