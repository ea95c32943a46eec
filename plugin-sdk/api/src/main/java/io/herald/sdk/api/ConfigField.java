package io.herald.sdk.api;

import java.util.List;

/**
 * One field of a connection's configuration.
 *
 * @param name         key in the configuration map, for example {@code accessKeyId}
 * @param secret       stored encrypted, never returned by the API, shown as a password box
 * @param defaultValue used when the field is left out; null for none
 * @param choices      allowed values of a {@link FieldType#CHOICE} field
 */
public record ConfigField(String name, String label, FieldType type, boolean required, boolean secret,
                          String defaultValue, String help, List<String> choices) {

    public ConfigField {
        if (name == null || !name.matches("[a-zA-Z][a-zA-Z0-9]*")) {
            throw new IllegalArgumentException("field names are camelCase identifiers: " + name);
        }
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public static ConfigField text(String name, String label, boolean required, String help) {
        return new ConfigField(name, label, FieldType.TEXT, required, false, null, help, List.of());
    }

    public static ConfigField secret(String name, String label, boolean required, String help) {
        return new ConfigField(name, label, FieldType.TEXT, required, true, null, help, List.of());
    }

    public ConfigField withDefault(String value) {
        return new ConfigField(name, label, type, required, secret, value, help, choices);
    }

    public ConfigField ofType(FieldType newType) {
        return new ConfigField(name, label, newType, required, secret, defaultValue, help, choices);
    }
}
