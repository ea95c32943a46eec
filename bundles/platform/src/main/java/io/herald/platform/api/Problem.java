package io.herald.platform.api;

import java.util.Map;
import javax.ws.rs.WebApplicationException;

/**
 * An expected failure answered as RFC 9457 {@code application/problem+json}. Throw it anywhere below a
 * resource: the platform's mapper writes the status, a title, the detail and the field at fault.
 */
public class Problem extends WebApplicationException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final String field;
    private final Map<String, Object> extensions;

    public Problem(int status, String title, String detail, String field, Map<String, Object> extensions) {
        super(detail, status);
        this.status = status;
        this.title = title;
        this.field = field;
        this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public static Problem badRequest(String field, String detail) {
        return new Problem(400, "Invalid request", detail, field, null);
    }

    public static Problem unauthorized(String detail) {
        return new Problem(401, "Unauthorized", detail, null, null);
    }

    public static Problem forbidden(String detail) {
        return new Problem(403, "Forbidden", detail, null, null);
    }

    public static Problem notFound(String what) {
        return new Problem(404, "Not found", what + " was not found", null, null);
    }

    public static Problem conflict(String field, String detail) {
        return new Problem(409, "Conflict", detail, field, null);
    }

    public static Problem unprocessable(String field, String detail) {
        return new Problem(422, "Unprocessable request", detail, field, null);
    }

    public static Problem tooManyRequests(String detail, long retryAfterSeconds) {
        return new Problem(429, "Too many requests", detail, null, Map.of("retryAfter", retryAfterSeconds));
    }

    public static Problem payloadTooLarge(long limitBytes) {
        return new Problem(413, "Payload too large", "request body exceeds " + limitBytes + " bytes", null,
                Map.of("limit", limitBytes));
    }

    public static Problem unavailable(String detail) {
        return new Problem(503, "Service unavailable", detail, null, null);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public String field() {
        return field;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
