package io.herald.platform.internal.http;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import java.util.Map;

/** The RFC 9457 problem document, with Herald's {@code field} member naming the input at fault. */
public record ProblemBody(String type, String title, int status, String detail, String instance, String field,
                          @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @JsonAnyGetter
    public Map<String, Object> any() {
        return extensions;
    }
}
