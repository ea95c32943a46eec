package io.herald.apidocs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.platform.api.OperatorOnly;
import io.herald.platform.api.Page;
import io.herald.platform.api.PublicEndpoint;
import io.herald.platform.api.RequiresRole;
import io.herald.platform.api.Role;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenApiGeneratorTest {

    /** A public resource, like health. */
    @PublicEndpoint
    @Path("/api/v1/ping")
    public static class PingResource {
        public record Pong(String status, Instant at) {
        }

        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public Pong ping() {
            return new Pong("UP", Instant.now());
        }
    }

    /** A workspace resource needing a session, with one public method. */
    @Path("/api/v1/workspaces/{workspaceId}/contacts")
    public static class ContactsResource {
        public record Contact(String id, String email, Instant createdAt) {
        }

        public record NewContact(String email, String name, List<String> tags) {
        }

        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public Page<Contact> list(@PathParam("workspaceId") String workspaceId, @QueryParam("cursor") String cursor,
                                  @QueryParam("limit") Integer limit) {
            return null;
        }

        @GET
        @Path("{contactId}")
        @Produces(MediaType.APPLICATION_JSON)
        public Contact get(@PathParam("workspaceId") String workspaceId, @PathParam("contactId") String contactId) {
            return null;
        }

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        @RequiresRole(value = Role.EDITOR, scope = "contacts:write")
        public Response create(@PathParam("workspaceId") String workspaceId, NewContact contact,
                               @Context HttpServletRequest request) {
            return null;
        }

        @DELETE
        @Path("{contactId}")
        public void delete(@PathParam("workspaceId") String workspaceId, @PathParam("contactId") String contactId) {
        }

        @GET
        @Path("count")
        @PublicEndpoint
        @Produces(MediaType.APPLICATION_JSON)
        public long count(@PathParam("workspaceId") String workspaceId) {
            return 0;
        }
    }

    @OperatorOnly
    @Path("/api/v1/admin/settings")
    public static class SettingsResource {
        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public Map<String, String> settings() {
            return Map.of();
        }

        @GET
        @Path("{key}")
        @Produces(MediaType.APPLICATION_JSON)
        public String settings(@PathParam("key") String key) {
            return "";
        }
    }

    /** Not a root resource: left out. */
    public static class Helper {
        @GET
        public String nothing() {
            return "";
        }
    }

    private static OpenAPI api;
    private static JsonNode json;

    @BeforeAll
    static void generate() throws Exception {
        api = new OpenApiGenerator("1.2.3").generate(List.of(ContactsResource.class, PingResource.class,
                SettingsResource.class, Helper.class));
        json = new ObjectMapper().readTree(OpenApiGenerator.toJson(api));
    }

    private static Operation operation(String path, PathItem.HttpMethod method) {
        PathItem item = api.getPaths().get(path);
        assertNotNull(item, "no path " + path + " in " + api.getPaths().keySet());
        Operation operation = item.readOperationsMap().get(method);
        assertNotNull(operation, "no " + method + " " + path);
        return operation;
    }

    private static Map<String, Parameter> parameters(Operation operation) {
        return operation.getParameters() == null ? Map.of()
                : operation.getParameters().stream().collect(Collectors.toMap(Parameter::getName, p -> p));
    }

    @Test
    void documentHasInfoServerAndBearerScheme() {
        assertTrue(api.getOpenapi().startsWith("3.0"), api.getOpenapi());
        assertEquals("Herald API", api.getInfo().getTitle());
        assertEquals("1.2.3", api.getInfo().getVersion());
        assertEquals("/", api.getServers().get(0).getUrl());
        var scheme = api.getComponents().getSecuritySchemes().get(OpenApiGenerator.SECURITY_SCHEME);
        assertEquals("http", scheme.getType().toString());
        assertEquals("bearer", scheme.getScheme());
        assertEquals(List.of(OpenApiGenerator.SECURITY_SCHEME), List.copyOf(api.getSecurity().get(0).keySet()));
    }

    @Test
    void everyPathAndOperationIsThere() {
        assertEquals(List.of("/api/v1/admin/settings", "/api/v1/admin/settings/{key}", "/api/v1/ping", "/api/v1/workspaces/{workspaceId}/contacts",
                        "/api/v1/workspaces/{workspaceId}/contacts/count",
                        "/api/v1/workspaces/{workspaceId}/contacts/{contactId}"),
                api.getPaths().keySet().stream().sorted().toList());
        String contacts = "/api/v1/workspaces/{workspaceId}/contacts";
        assertEquals(Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.GET),
                api.getPaths().get(contacts).readOperationsMap().keySet());
        assertEquals(Set.of(PathItem.HttpMethod.GET, PathItem.HttpMethod.DELETE),
                api.getPaths().get(contacts + "/{contactId}").readOperationsMap().keySet());
        assertEquals("contactsList", operation(contacts, PathItem.HttpMethod.GET).getOperationId());
        assertEquals("ping", operation("/api/v1/ping", PathItem.HttpMethod.GET).getOperationId());
        assertEquals("settings", operation("/api/v1/admin/settings", PathItem.HttpMethod.GET).getOperationId());
        // an overload gets a suffix: ids are unique in the document
        assertEquals("settings_2", operation("/api/v1/admin/settings/{key}", PathItem.HttpMethod.GET).getOperationId());
        assertEquals(List.of("contacts"), operation(contacts, PathItem.HttpMethod.GET).getTags());
        assertEquals(List.of("ping"), operation("/api/v1/ping", PathItem.HttpMethod.GET).getTags());
    }

    @Test
    void pathAndQueryParameters() {
        String contacts = "/api/v1/workspaces/{workspaceId}/contacts";
        Map<String, Parameter> list = parameters(operation(contacts, PathItem.HttpMethod.GET));
        assertEquals("path", list.get("workspaceId").getIn());
        assertTrue(list.get("workspaceId").getRequired());
        assertEquals("query", list.get("cursor").getIn());
        assertEquals("query", list.get("limit").getIn());
        assertEquals("integer", list.get("limit").getSchema().getType());
        Map<String, Parameter> get = parameters(operation(contacts + "/{contactId}", PathItem.HttpMethod.GET));
        assertEquals(List.of("contactId", "workspaceId"), get.keySet().stream().sorted().toList());
        assertEquals("path", get.get("contactId").getIn());
    }

    @Test
    void requestAndResponseBodiesUseSchemas() {
        String contacts = "/api/v1/workspaces/{workspaceId}/contacts";
        Operation create = operation(contacts, PathItem.HttpMethod.POST);
        // the @Context HttpServletRequest is neither a parameter nor the body
        assertEquals(List.of("workspaceId"), parameters(create).keySet().stream().toList());
        assertTrue(create.getRequestBody().getRequired());
        assertEquals("#/components/schemas/NewContact",
                create.getRequestBody().getContent().get(MediaType.APPLICATION_JSON).getSchema().get$ref());
        Schema<?> newContact = api.getComponents().getSchemas().get("NewContact");
        assertEquals(List.of("email", "name", "tags"), newContact.getProperties().keySet().stream().sorted().toList());
        assertEquals("array", newContact.getProperties().get("tags").getType());

        Operation get = operation(contacts + "/{contactId}", PathItem.HttpMethod.GET);
        assertEquals("#/components/schemas/Contact",
                get.getResponses().get("200").getContent().get(MediaType.APPLICATION_JSON).getSchema().get$ref());
        Schema<?> contact = api.getComponents().getSchemas().get("Contact");
        assertEquals("date-time", contact.getProperties().get("createdAt").getFormat());
        assertNotNull(api.getComponents().getSchemas().get("PageContact"));

        assertNotNull(operation(contacts + "/{contactId}", PathItem.HttpMethod.DELETE).getResponses().get("204"));
        assertNull(operation(contacts + "/{contactId}", PathItem.HttpMethod.DELETE).getResponses().get("200"));
    }

    @Test
    void errorsAreProblemDocuments() {
        Schema<?> problem = api.getComponents().getSchemas().get(OpenApiGenerator.PROBLEM);
        assertEquals(List.of("type", "title", "status", "detail", "instance", "field"),
                List.copyOf(problem.getProperties().keySet()));
        assertEquals(OpenApiGenerator.PROBLEM_MEDIA_TYPE,
                api.getComponents().getResponses().get(OpenApiGenerator.PROBLEM).getContent().keySet().iterator().next());
        api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> assertEquals(
                "#/components/responses/Problem", operation.getResponses().getDefault().get$ref(), path)));
    }

    @Test
    void publicEndpointsNeedNoCredentialsAndTheRestDo() {
        String contacts = "/api/v1/workspaces/{workspaceId}/contacts";
        // public class, and a public method on an otherwise protected class: an empty requirement list
        for (Operation open : List.of(operation("/api/v1/ping", PathItem.HttpMethod.GET),
                operation(contacts + "/count", PathItem.HttpMethod.GET))) {
            assertNotNull(open.getSecurity());
            assertTrue(open.getSecurity().isEmpty());
            assertNull(open.getResponses().get("401"));
        }
        // protected: the document's bearer requirement applies, and 401 is documented
        for (Operation closed : List.of(operation(contacts, PathItem.HttpMethod.GET),
                operation(contacts, PathItem.HttpMethod.POST), operation(contacts + "/{contactId}", PathItem.HttpMethod.DELETE),
                operation("/api/v1/admin/settings", PathItem.HttpMethod.GET))) {
            assertNull(closed.getSecurity());
            assertEquals("#/components/responses/Unauthorized", closed.getResponses().get("401").get$ref());
        }
        Operation create = operation(contacts, PathItem.HttpMethod.POST);
        assertTrue(create.getExtensions().get("x-herald-access").toString().contains("editor role"));
        assertTrue(create.getDescription().contains("contacts:write"));
        assertNotNull(create.getResponses().get("403"));
        assertTrue(operation("/api/v1/admin/settings", PathItem.HttpMethod.GET).getDescription().contains("operators"));
        assertNull(operation(contacts, PathItem.HttpMethod.GET).getResponses().get("403"));
    }

    @Test
    void jsonKeepsEmptySecurityForPublicOperations() {
        assertTrue(json.get("openapi").asText().startsWith("3.0"));
        JsonNode ping = json.at("/paths/~1api~1v1~1ping/get");
        assertTrue(ping.get("security").isArray());
        assertEquals(0, ping.get("security").size());
        JsonNode list = json.at("/paths/~1api~1v1~1workspaces~1{workspaceId}~1contacts/get");
        assertFalse(list.has("security"));
        assertEquals("bearer", json.at("/components/securitySchemes/bearerAuth/scheme").asText());
        assertEquals("#/components/schemas/Problem",
                json.at("/components/responses/Problem/content/application~1problem+json/schema/$ref").asText());
    }

    @Test
    void noResourcesStillMakeAValidDocument() throws Exception {
        OpenAPI empty = new OpenApiGenerator("0").generate(List.of());
        JsonNode node = new ObjectMapper().readTree(OpenApiGenerator.toJson(empty));
        assertEquals("Herald API", node.at("/info/title").asText());
        assertNotNull(node.at("/components/schemas/Problem"));
    }
}
