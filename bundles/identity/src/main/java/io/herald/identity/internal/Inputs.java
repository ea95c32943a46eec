package io.herald.identity.internal;

import io.herald.platform.api.Problem;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validation of what people type, with errors that name the field. */
public final class Inputs {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
    public static final int MIN_PASSWORD = 10;
    public static final int MAX_PASSWORD = 256;

    private Inputs() {
    }

    public static String email(String field, String value) {
        String email = required(field, value).trim().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw Problem.badRequest(field, "'" + value + "' is not an email address");
        }
        return email;
    }

    public static String password(String field, String value) {
        required(field, value);
        if (value.length() < MIN_PASSWORD) {
            throw Problem.badRequest(field, "password must have at least " + MIN_PASSWORD + " characters");
        }
        if (value.length() > MAX_PASSWORD) {
            throw Problem.badRequest(field, "password must have at most " + MAX_PASSWORD + " characters");
        }
        return value;
    }

    public static String name(String field, String value) {
        String name = required(field, value).trim();
        if (name.isEmpty()) {
            throw Problem.badRequest(field, field + " must not be blank");
        }
        if (name.length() > 200) {
            throw Problem.badRequest(field, field + " must have at most 200 characters");
        }
        return name;
    }

    public static String required(String field, String value) {
        if (value == null) {
            throw Problem.badRequest(field, field + " is required");
        }
        return value;
    }
}
