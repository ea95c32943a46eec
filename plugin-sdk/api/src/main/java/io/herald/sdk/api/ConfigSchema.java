package io.herald.sdk.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The configuration a connection to a plugin needs, and the check of a submitted configuration. */
public record ConfigSchema(List<ConfigField> fields) {

    public ConfigSchema {
        fields = List.copyOf(fields);
        if (fields.stream().map(ConfigField::name).distinct().count() != fields.size()) {
            throw new IllegalArgumentException("field names must be unique");
        }
    }

    public static ConfigSchema of(ConfigField... fields) {
        return new ConfigSchema(List.of(fields));
    }

    /** A value that does not fit its field. */
    public record Violation(String field, String message) {
    }

    /**
     * Checks {@code config} against the schema: unknown fields, missing required ones, values of the wrong
     * type or not among the choices.
     */
    public List<Violation> validate(Map<String, String> config) {
        List<Violation> violations = new ArrayList<>();
        for (String key : config.keySet()) {
            if (fields.stream().noneMatch(f -> f.name().equals(key))) {
                violations.add(new Violation(key, "unknown field"));
            }
        }
        for (ConfigField field : fields) {
            String value = config.get(field.name());
            if (value == null || value.isEmpty()) {
                if (field.required() && field.defaultValue() == null) {
                    violations.add(new Violation(field.name(), field.label() + " is required"));
                }
                continue;
            }
            String problem = check(field, value);
            if (problem != null) {
                violations.add(new Violation(field.name(), problem));
            }
        }
        return violations;
    }

    /** The configuration with defaults filled in for fields left out. */
    public Map<String, String> withDefaults(Map<String, String> config) {
        Map<String, String> complete = new LinkedHashMap<>(config);
        for (ConfigField field : fields) {
            if (field.defaultValue() != null && (complete.get(field.name()) == null || complete.get(field.name()).isEmpty())) {
                complete.put(field.name(), field.defaultValue());
            }
        }
        return complete;
    }

    private static String check(ConfigField field, String value) {
        if (value.length() > 10_000) {
            return "too long";
        }
        switch (field.type()) {
            case NUMBER -> {
                try {
                    Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    return "'" + value + "' is not a number";
                }
            }
            case BOOLEAN -> {
                if (!value.equals("true") && !value.equals("false")) {
                    return "must be true or false";
                }
            }
            case URL -> {
                try {
                    URI uri = URI.create(value);
                    if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                            || uri.getHost() == null) {
                        return "must be an http(s) URL";
                    }
                } catch (IllegalArgumentException e) {
                    return "'" + value + "' is not a URL";
                }
            }
            case EMAIL -> {
                if (!value.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
                    return "'" + value + "' is not an email address";
                }
            }
            case CHOICE -> {
                if (!field.choices().contains(value)) {
                    return "must be one of " + field.choices();
                }
            }
            default -> {
                return null;
            }
        }
        return null;
    }
}
