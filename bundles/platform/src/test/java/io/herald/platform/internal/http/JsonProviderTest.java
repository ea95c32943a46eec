package io.herald.platform.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.platform.api.Problem;
import io.herald.platform.internal.JacksonJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedHashMap;
import org.junit.jupiter.api.Test;

/** The JSON request bodies every resource reads: strict, and a mistake is a 400 that names the field. */
class JsonProviderTest {

    enum Channel { EMAIL, SMS }

    record Address(String city, int zip) {
    }

    record CreateContact(String email, int age, Boolean subscribed, Channel channel, Address address,
                         List<String> tags, Instant consentedAt) {
    }

    private final JsonProvider provider = new JsonProvider(new JacksonJson());

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <T> T read(Class<T> type, String body) throws Exception {
        return (T) provider.readFrom((Class) type, type, new Annotation[0], MediaType.APPLICATION_JSON_TYPE,
                new MultivaluedHashMap<>(), new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private Problem problem(String body) {
        Problem problem = assertThrows(Problem.class, () -> read(CreateContact.class, body), body);
        assertEquals(400, problem.status(), problem.detail());
        assertEquals(400, problem.getResponse().getStatus());
        assertEquals("Invalid request", problem.title());
        return problem;
    }

    @Test
    void recordsDeserializeWithNestedObjectsListsEnumsAndInstants() throws Exception {
        CreateContact contact = read(CreateContact.class, """
                {"email": "ada@example.com", "age": 36, "subscribed": true, "channel": "SMS",
                 "address": {"city": "London", "zip": 1815}, "tags": ["vip", "beta"],
                 "consentedAt": "2026-11-25T06:00:00Z"}
                """);
        assertEquals(new CreateContact("ada@example.com", 36, true, Channel.SMS, new Address("London", 1815),
                List.of("vip", "beta"), Instant.parse("2026-11-25T06:00:00Z")), contact);

        CreateContact minimal = read(CreateContact.class, "{\"email\": \"b@example.com\", \"age\": 1}");
        assertEquals("b@example.com", minimal.email());
        assertNull(minimal.address());
    }

    @Test
    void unknownFieldIsA400NamingIt() {
        Problem problem = problem("{\"email\": \"a@example.com\", \"age\": 3, \"nickname\": \"x\"}");
        assertEquals("nickname", problem.field());
        assertTrue(problem.detail().contains("nickname"), problem.detail());

        Problem nested = problem("{\"email\": \"a@example.com\", \"age\": 3, \"address\": {\"city\": \"X\", \"zip\": 1, \"street\": \"Y\"}}");
        assertEquals("address.street", nested.field());
    }

    @Test
    void aStringWhereANumberBelongsIsA400NamingTheField() {
        Problem problem = problem("{\"email\": \"a@example.com\", \"age\": \"42\"}");
        assertEquals("age", problem.field());
        assertEquals("wrong type: expected whole number", problem.detail());

        Problem nested = problem("{\"email\": \"a@example.com\", \"age\": 1, \"address\": {\"zip\": \"E1\"}}");
        assertEquals("address.zip", nested.field());
    }

    @Test
    void aNumberWhereAStringBelongsIsA400NamingTheField() {
        Problem problem = problem("{\"email\": 42, \"age\": 1}");
        assertEquals("email", problem.field());
        assertEquals("wrong type: expected string", problem.detail());

        Problem inList = problem("{\"email\": \"a@example.com\", \"age\": 1, \"tags\": [\"ok\", 7]}");
        assertEquals("tags[1]", inList.field());
    }

    @Test
    void otherWrongTypesAreA400NamingTheField() {
        Problem bool = problem("{\"email\": \"a@example.com\", \"age\": 1, \"subscribed\": \"yes\"}");
        assertEquals("subscribed", bool.field());
        assertEquals("wrong type: expected boolean", bool.detail());
        Problem object = problem("{\"email\": \"a@example.com\", \"age\": 1, \"address\": \"London\"}");
        assertEquals("address", object.field());
        assertEquals("wrong type: expected object", object.detail());
        Problem array = problem("{\"email\": \"a@example.com\", \"age\": 1, \"tags\": \"vip\"}");
        assertEquals("tags", array.field());
        assertEquals("wrong type: expected array", array.detail());
    }

    @Test
    void numbersMustFitTheirField() {
        Problem fraction = problem("{\"email\": \"a@example.com\", \"age\": 1.5}");
        assertEquals("age", fraction.field(), "1.5 is not silently truncated to 1");
        assertEquals("wrong type: expected whole number", fraction.detail());
        Problem tooBig = problem("{\"email\": \"a@example.com\", \"age\": 99999999999}");
        assertEquals("age", tooBig.field());
        assertEquals("out of range for whole number", tooBig.detail());
    }

    @Test
    void aRequiredNumberThatIsNullOrMissingIsA400NamingIt() {
        Problem nullNumber = problem("{\"email\": \"a@example.com\", \"age\": null}");
        assertEquals("age", nullNumber.field());
        assertEquals("required: expected whole number", nullNumber.detail());
        Problem missing = problem("{\"email\": \"a@example.com\"}");
        assertEquals("age", missing.field());
        assertEquals("required: expected whole number", missing.detail());
        Problem nestedMissing = problem("{\"email\": \"a@example.com\", \"age\": 3, \"address\": {\"city\": \"X\"}}");
        assertEquals("address.zip", nestedMissing.field());
    }

    @Test
    void badlyFormattedValuesAreA400NamingTheFieldAndWhatIsExpected() throws Exception {
        Problem instant = problem("{\"email\": \"a\", \"age\": 1, \"consentedAt\": \"yesterday\"}");
        assertEquals("consentedAt", instant.field());
        assertEquals("'yesterday' is not a valid ISO-8601 date-time", instant.detail());

        Problem enumValue = problem("{\"email\": \"a@example.com\", \"age\": 1, \"channel\": \"FAX\"}");
        assertEquals("channel", enumValue.field());
        assertEquals("'FAX' is not a valid value (one of EMAIL, SMS)", enumValue.detail());
        // The values the message offers are the ones that are accepted.
        for (Channel channel : Channel.values()) {
            assertEquals(channel, read(CreateContact.class,
                    "{\"email\": \"a\", \"age\": 1, \"channel\": \"" + channel.name() + "\"}").channel());
        }
        Problem ordinal = problem("{\"email\": \"a@example.com\", \"age\": 1, \"channel\": 0}");
        assertEquals("channel", ordinal.field(), "enum by ordinal is refused");
        assertEquals("wrong type: expected value (one of EMAIL, SMS)", ordinal.detail());
    }

    @Test
    void malformedJsonIsA400WithLineAndColumn() {
        Problem problem = problem("{\n  \"email\": \"a@example.com\",\n  \"age\": 4x\n}");
        assertNull(problem.field());
        assertTrue(problem.detail().startsWith("malformed JSON at line 3, column"), problem.detail());

        Problem trailingComma = problem("{\"email\": \"a@example.com\", }");
        assertTrue(trailingComma.detail().startsWith("malformed JSON at line 1, column"), trailingComma.detail());

        // Broken inside a value, where the databind layer wraps the parser's error: still line and column.
        Problem truncated = problem("{\"email\": \"a@exa");
        assertNull(truncated.field());
        assertTrue(truncated.detail().startsWith("malformed JSON: unexpected end of input at line 1, column"),
                truncated.detail());
        Problem badNumber = problem("{\"email\": \"a@example.com\", \"age\": 12e}");
        assertTrue(badNumber.detail().startsWith("malformed JSON at line 1, column"), badNumber.detail());
    }

    @Test
    void aBodyThatIsNotOneObjectIsRefusedWithoutNamingJavaClasses() {
        for (String body : new String[] {"{\"email\": \"a@example.com\", \"age\": 1} {\"age\": 2}", "[1, 2]", "42",
            "\"text\""}) {
            Problem problem = problem(body);
            assertNull(problem.field());
            assertEquals("the body must be one JSON object", problem.detail(), body);
        }

        Problem empty = problem("");
        assertEquals("a JSON request body is required", empty.detail());
        Problem literalNull = problem("null");
        assertEquals("a JSON request body is required", literalNull.detail());
    }

    @Test
    void responsesAreWrittenWithIsoInstantsAndWithoutNulls() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CreateContact contact = new CreateContact("a@example.com", 2, null, Channel.EMAIL, null, List.of(),
                Instant.parse("2026-11-25T06:00:00Z"));
        provider.writeTo(contact, CreateContact.class, CreateContact.class, new Annotation[0],
                MediaType.APPLICATION_JSON_TYPE, new MultivaluedHashMap<>(), out);
        String json = out.toString(StandardCharsets.UTF_8);
        assertEquals("{\"email\":\"a@example.com\",\"age\":2,\"channel\":\"EMAIL\",\"tags\":[],"
                + "\"consentedAt\":\"2026-11-25T06:00:00Z\"}", json);
    }

    @Test
    void problemBodiesCarryTheFieldAndExtensions() {
        JacksonJson json = new JacksonJson();
        String body = json.write(new ProblemBody("about:blank", "Too many requests", 429, "slow down", "/api/v1/x",
                null, Map.of("retryAfter", 30)));
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Too many requests\",\"status\":429,\"detail\":\"slow down\","
                + "\"instance\":\"/api/v1/x\",\"retryAfter\":30}", body);
    }
}
