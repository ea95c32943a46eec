package io.herald.apidocs.internal;

import com.fasterxml.jackson.annotation.JsonView;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.jaxrs2.ResolvedParameter;
import io.swagger.v3.oas.integration.api.OpenAPIConfiguration;
import io.swagger.v3.oas.models.ExternalDocumentation;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.servers.Server;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;

/**
 * Swagger's JAX-RS reader, taught two Herald conventions: it remembers which resource class and method each
 * operation came from (so {@code @PublicEndpoint} and the role annotations can be applied afterwards), and it
 * ignores {@code @Context} method parameters instead of taking them for the request body.
 *
 * <p>Herald's annotations are matched by name, not by class, so a resource bundle wired to another revision of
 * the platform bundle is documented correctly too.
 */
final class HeraldReader extends Reader {

    static final String PUBLIC_ENDPOINT = "io.herald.platform.api.PublicEndpoint";
    static final String OPERATOR_ONLY = "io.herald.platform.api.OperatorOnly";
    static final String REQUIRES_ROLE = "io.herald.platform.api.RequiresRole";

    /** Where an operation came from. */
    record Origin(Class<?> resource, Method method) {
    }

    private final Deque<Class<?>> reading = new ArrayDeque<>();
    private final Map<Operation, Origin> origins = new IdentityHashMap<>();

    HeraldReader(OpenAPIConfiguration configuration) {
        super(configuration);
    }

    Map<Operation, Origin> origins() {
        return origins;
    }

    @Override
    public OpenAPI read(Class<?> cls, String parentPath, String parentMethod, boolean isSubresource,
                        RequestBody parentRequestBody, ApiResponses parentResponses, Set<String> parentTags,
                        List<Parameter> parentParameters, Set<Class<?>> scannedResources) {
        reading.push(cls);
        try {
            return super.read(cls, parentPath, parentMethod, isSubresource, parentRequestBody, parentResponses,
                    parentTags, parentParameters, scannedResources);
        } finally {
            reading.pop();
        }
    }

    @Override
    protected Operation parseMethod(Class<?> cls, Method method, List<Parameter> globalParameters,
                                    Produces methodProduces, Produces classProduces, Consumes methodConsumes,
                                    Consumes classConsumes, List<SecurityRequirement> classSecurityRequirements,
                                    Optional<ExternalDocumentation> classExternalDocs, Set<String> classTags,
                                    List<Server> classServers, boolean isSubresource, RequestBody parentRequestBody,
                                    ApiResponses parentResponses, JsonView jsonViewAnnotation,
                                    io.swagger.v3.oas.annotations.responses.ApiResponse[] classResponses,
                                    AnnotatedMethod annotatedMethod) {
        Operation operation = super.parseMethod(cls, method, globalParameters, methodProduces, classProduces,
                methodConsumes, classConsumes, classSecurityRequirements, classExternalDocs, classTags, classServers,
                isSubresource, parentRequestBody, parentResponses, jsonViewAnnotation, classResponses,
                annotatedMethod);
        if (operation != null) {
            Class<?> resource = reading.isEmpty() ? method.getDeclaringClass() : reading.peek();
            origins.put(operation, new Origin(resource, method));
        }
        return operation;
    }

    @Override
    protected ResolvedParameter getParameters(Type type, List<Annotation> annotations, Operation operation,
                                              Consumes classConsumes, Consumes methodConsumes,
                                              JsonView jsonViewAnnotation) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof Context) {
                return new ResolvedParameter();
            }
        }
        return super.getParameters(type, annotations, operation, classConsumes, methodConsumes, jsonViewAnnotation);
    }

    /** The annotation named {@code name} on the method, else on its resource class (or their supertypes). */
    static Annotation find(Origin origin, String name) {
        Annotation onMethod = find(origin.method(), name);
        if (onMethod != null) {
            return onMethod;
        }
        for (Class<?> type = origin.resource(); type != null && type != Object.class; type = type.getSuperclass()) {
            Annotation onType = find(type, name);
            if (onType != null) {
                return onType;
            }
        }
        return find(origin.method().getDeclaringClass(), name);
    }

    private static Annotation find(AnnotatedElement element, String name) {
        for (Annotation annotation : element.getAnnotations()) {
            if (annotation.annotationType().getName().equals(name)) {
                return annotation;
            }
        }
        return null;
    }
}
