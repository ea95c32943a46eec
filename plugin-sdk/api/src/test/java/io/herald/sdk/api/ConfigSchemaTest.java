package io.herald.sdk.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigSchemaTest {

    private final ConfigSchema smtp = ConfigSchema.of(
            ConfigField.text("host", "Host", true, "SMTP server"),
            ConfigField.text("port", "Port", true, null).ofType(FieldType.NUMBER).withDefault("587"),
            ConfigField.secret("password", "Password", false, null),
            new ConfigField("security", "Security", FieldType.CHOICE, true, false, "starttls", null,
                    List.of("none", "starttls", "tls")),
            ConfigField.text("endpoint", "Endpoint", false, null).ofType(FieldType.URL));

    @Test
    void aCompleteConfigurationPasses() {
        assertEquals(List.of(), smtp.validate(Map.of("host", "smtp.example.com", "port", "2525", "security", "tls")));
    }

    @Test
    void everyProblemIsReportedWithItsField() {
        List<ConfigSchema.Violation> violations = smtp.validate(Map.of("port", "abc", "security", "ssl",
                "endpoint", "ftp://x", "colour", "red"));
        assertEquals(List.of("colour", "host", "port", "security", "endpoint"),
                violations.stream().map(ConfigSchema.Violation::field).toList());
    }

    @Test
    void defaultsFillFieldsLeftOut() {
        Map<String, String> complete = smtp.withDefaults(Map.of("host", "h"));
        assertEquals("587", complete.get("port"));
        assertEquals("starttls", complete.get("security"));
        assertTrue(smtp.validate(Map.of("host", "h")).isEmpty(), "required fields with defaults may be omitted");
    }

    @Test
    void aSchemaRejectsDuplicateOrMalformedFieldNames() {
        assertThrows(IllegalArgumentException.class, () -> ConfigSchema.of(ConfigField.text("a", "A", false, null),
                ConfigField.text("a", "A2", false, null)));
        assertThrows(IllegalArgumentException.class, () -> ConfigField.text("api-key", "x", false, null));
    }

    @Test
    void aConnectionNeverPrintsItsSecrets() {
        Connection connection = new Connection("ws", "c1", "channel-smtp", "Mail", Map.of("password", "hunter2"));
        assertTrue(!connection.toString().contains("hunter2"));
    }
}
