package io.herald.sdk.api.webhook;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A provider's HTTP request to {@code /hooks/{plugin}/{connection}}, exactly as received. */
public record WebhookRequest(String method, String path, String query, Map<String, List<String>> headers,
                             byte[] body) {

    /** First value of a header, case-insensitively; null when absent. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))
                    && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }
}
