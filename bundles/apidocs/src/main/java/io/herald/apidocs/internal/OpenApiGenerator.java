package io.herald.apidocs.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import javax.ws.rs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds Herald's OpenAPI 3 document from JAX-RS resource classes with swagger-jaxrs2's reader, then applies the
 * platform's conventions: every operation needs a bearer token unless its method or class is
 * {@code @PublicEndpoint}; errors are RFC 9457 problem documents; operations are tagged by the path's resource.
 * Plain Java, no OSGi: {@link OpenApiResource} feeds it the classes of the registered resource services.
 */
public final class OpenApiGenerator {

    public static final String SECURITY_SCHEME = "bearerAuth";
    public static final String PROBLEM = "Problem";
    public static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    static final String API_PREFIX = "/api/v1/";

    private static final Logger LOGGER = LoggerFactory.getLogger(OpenApiGenerator.class);

    private final String version;

    public OpenApiGenerator(String version) {
        this.version = version;
    }

    /** The document for these resource classes; a class swagger cannot read is left out (and logged). */
    public OpenAPI generate(Collection<Class<?>> resourceClasses) {
        HeraldReader reader = new HeraldReader(new SwaggerConfiguration().openAPI(base()).readAllResources(true)
                .prettyPrint(true));
        // The same order whatever order the services came in: the document (and its operation ids) is stable.
        TreeSet<Class<?>> sorted = new TreeSet<>(Comparator.comparing(Class::getName));
        for (Class<?> type : resourceClasses) {
            if (type.isAnnotationPresent(Path.class)) {
                sorted.add(type);
            }
        }
        for (Class<?> type : sorted) {
            try {
                reader.read(type);
            } catch (RuntimeException | LinkageError e) {
                LOGGER.warn("Cannot document resource {}: {}", type.getName(), e.toString(), e);
            }
        }
        OpenAPI api = reader.getOpenAPI();
        applyConventions(api, reader.origins());
        return api;
    }

    /** The document as JSON, the way swagger-core serializes its model. */
    public static byte[] toJson(OpenAPI api) {
        try {
            return Json.pretty().writeValueAsBytes(api);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the OpenAPI document", e);
        }
    }

    /**
     * Forgets the classes Jackson's type caches remember, so that the classes of an uninstalled bundle are not
     * kept alive by the last generation.
     */
    public static void forgetClasses() {
        TypeFactory.defaultInstance().clearCache();
        Json.mapper().getTypeFactory().clearCache();
    }

    private OpenAPI base() {
        Components components = new Components()
                .addSecuritySchemes(SECURITY_SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("A session token (from signing in) or a workspace API key, sent as "
                                + "`Authorization: Bearer <token>`. Both are opaque strings."))
                .addSchemas(PROBLEM, problemSchema());
        components.addResponses(PROBLEM, problemResponse("An error, as an RFC 9457 problem document"));
        components.addResponses("Unauthorized", problemResponse("No valid session token or API key was sent"));
        components.addResponses("Forbidden", problemResponse("The caller may not do this"));
        return new OpenAPI()
                .info(new Info().title("Herald API").version(version)
                        .description("Herald's REST API, generated from the resources running on this server. "
                                + "Errors are `application/problem+json` documents (RFC 9457)."))
                .addServersItem(new Server().url("/"))
                .components(components)
                .addSecurityItem(new SecurityRequirement().addList(SECURITY_SCHEME));
    }

    @SuppressWarnings("rawtypes")
    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().format("uri-reference")._default("about:blank")
                .description("A URI that identifies the problem type"));
        properties.put("title", new StringSchema().description("A short summary of the problem type"));
        properties.put("status", new IntegerSchema().format("int32").description("The HTTP status code"));
        properties.put("detail", new StringSchema().description("What went wrong in this occurrence"));
        properties.put("instance", new StringSchema().format("uri-reference")
                .description("The request path of this occurrence"));
        properties.put("field", new StringSchema().description("Herald: the request field at fault, if one is"));
        ObjectSchema schema = new ObjectSchema();
        schema.setProperties(properties);
        schema.setRequired(List.of("type", "title", "status"));
        schema.setAdditionalProperties(Boolean.TRUE);
        schema.setDescription("RFC 9457 problem details. Extension members (such as `retryAfter`) may appear.");
        return schema;
    }

    private static ApiResponse problemResponse(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_MEDIA_TYPE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    private static ApiResponse ref(String response) {
        return new ApiResponse().$ref("#/components/responses/" + response);
    }

    private static void applyConventions(OpenAPI api, Map<Operation, HeraldReader.Origin> origins) {
        if (api.getPaths() == null) {
            return;
        }
        TreeSet<String> tags = new TreeSet<>();
        api.getPaths().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
                Operation operation = entry.getValue();
                HeraldReader.Origin origin = origins.get(operation);
                boolean isPublic = origin != null && HeraldReader.find(origin, HeraldReader.PUBLIC_ENDPOINT) != null;
                if (isPublic) {
                    // An empty list overrides the document's requirement: no credentials needed.
                    operation.setSecurity(new ArrayList<>());
                }
                String access = origin == null ? null : access(origin);
                if (access != null) {
                    operation.addExtension("x-herald-access", access);
                    operation.setDescription(operation.getDescription() == null ? access
                            : operation.getDescription() + "\n\n" + access);
                }
                responses(operation, origin, isPublic, access != null);
                if (operation.getRequestBody() != null && operation.getRequestBody().get$ref() == null
                        && operation.getRequestBody().getRequired() == null) {
                    // Herald's JSON provider answers 400 to a missing body.
                    operation.getRequestBody().setRequired(Boolean.TRUE);
                }
                if (origin != null) {
                    operation.setOperationId(operationId(origin, operation.getOperationId()));
                }
                if (operation.getTags() == null || operation.getTags().isEmpty()) {
                    operation.addTagsItem(tagOf(path));
                }
                tags.addAll(operation.getTags());
            }
        });
        uniqueOperationIds(api);
        List<Tag> declared = api.getTags() == null ? new ArrayList<>() : new ArrayList<>(api.getTags());
        for (String tag : tags) {
            if (declared.stream().noneMatch(t -> t.getName().equals(tag))) {
                declared.add(new Tag().name(tag));
            }
        }
        declared.sort(Comparator.comparing(Tag::getName));
        api.setTags(declared);
    }

    /**
     * An id that does not depend on which other resources are installed (swagger's own adds _1, _2 in the order it
     * reads classes): the method's name, qualified by its resource unless it already names it, as
     * {@code health} for {@code HealthResource.health()} and {@code contactsList} for
     * {@code ContactsResource.list()}. An id given with swagger's {@code @Operation} is kept.
     */
    static String operationId(HeraldReader.Origin origin, String generated) {
        io.swagger.v3.oas.annotations.Operation declared =
                origin.method().getAnnotation(io.swagger.v3.oas.annotations.Operation.class);
        if (declared != null && !declared.operationId().isBlank()) {
            return generated;
        }
        String method = origin.method().getName();
        String resource = origin.resource().getSimpleName().replaceFirst("Resource$", "");
        if (resource.isEmpty() || method.toLowerCase(Locale.ROOT).startsWith(resource.toLowerCase(Locale.ROOT))) {
            return method;
        }
        return Character.toLowerCase(resource.charAt(0)) + resource.substring(1)
                + Character.toUpperCase(method.charAt(0)) + method.substring(1);
    }

    /** Ids must be unique in a document: a repeated one (overloads, same-named resources) gets a suffix. */
    private static void uniqueOperationIds(OpenAPI api) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            String id = operation.getOperationId();
            if (id == null) {
                return;
            }
            String unique = id;
            for (int n = 2; !seen.add(unique); n++) {
                unique = id + "_" + n;
            }
            operation.setOperationId(unique);
        }));
    }

    /** Who may call, from {@code @OperatorOnly} and {@code @RequiresRole}; null when any caller may. */
    private static String access(HeraldReader.Origin origin) {
        if (HeraldReader.find(origin, HeraldReader.OPERATOR_ONLY) != null) {
            return "Server operators only.";
        }
        Annotation role = HeraldReader.find(origin, HeraldReader.REQUIRES_ROLE);
        if (role == null) {
            return null;
        }
        String text = "Requires the " + String.valueOf(attribute(role, "value")).toLowerCase(Locale.ROOT)
                + " role (or a stronger one) in the workspace";
        Object scope = attribute(role, "scope");
        if (scope != null && !scope.toString().isEmpty()) {
            text += "; an API key needs the scope `" + scope + "`";
        }
        return text + ".";
    }

    private static Object attribute(Annotation annotation, String name) {
        try {
            Method method = annotation.annotationType().getMethod(name);
            return method.invoke(annotation);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /**
     * Swagger calls the return type's response "default"; Herald keeps "default" for errors. The success response
     * becomes 200 (204 for a void method that streams nothing), and every operation gets the problem document for
     * errors, plus 401 when it needs credentials and 403 when it needs a role.
     */
    private static void responses(Operation operation, HeraldReader.Origin origin, boolean isPublic,
                                  boolean restricted) {
        ApiResponses responses = operation.getResponses();
        if (responses == null) {
            responses = new ApiResponses();
            operation.setResponses(responses);
        }
        ApiResponse generated = responses.getDefault();
        if (generated != null && generated.get$ref() == null
                && "default response".equals(generated.getDescription())) {
            responses.remove("default");
            boolean empty = origin != null && origin.method().getReturnType() == void.class
                    && !producesEvents(generated);
            if (empty) {
                responses.addApiResponse("204", new ApiResponse().description("No Content"));
            } else {
                if (generated.getContent() != null && generated.getContent().isEmpty()) {
                    generated.setContent(null);
                }
                responses.addApiResponse("200", generated.description("OK"));
            }
        }
        if (!isPublic && !responses.containsKey("401")) {
            responses.addApiResponse("401", ref("Unauthorized"));
        }
        if (restricted && !responses.containsKey("403")) {
            responses.addApiResponse("403", ref("Forbidden"));
        }
        if (responses.getDefault() == null) {
            responses.setDefault(ref(PROBLEM));
        }
    }

    private static boolean producesEvents(ApiResponse response) {
        return response.getContent() != null && response.getContent().containsKey("text/event-stream");
    }

    /**
     * The path's resource: {@code /api/v1/auth/login} is "auth", {@code /api/v1/workspaces/{id}/contacts/{c}} is
     * "contacts", {@code /api/v1/workspaces/{id}} is "workspaces".
     */
    static String tagOf(String path) {
        String rest = path.startsWith(API_PREFIX) ? path.substring(API_PREFIX.length()) : path.replaceFirst("^/", "");
        String[] segments = rest.split("/");
        if (segments.length >= 3 && segments[0].equals("workspaces") && !segments[2].startsWith("{")) {
            return segments[2];
        }
        String first = segments[0].contains(".") ? segments[0].substring(0, segments[0].indexOf('.')) : segments[0];
        return first.isEmpty() ? "api" : first;
    }
}
