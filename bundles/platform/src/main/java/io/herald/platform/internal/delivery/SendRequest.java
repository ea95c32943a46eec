package io.herald.platform.internal.delivery;

import java.util.List;
import java.util.Map;

/** {@code POST /api/v1/workspaces/{id}/messages}: one transactional message through a channel connection. */
public record SendRequest(String connectionId, String from, String replyTo, List<String> to, String subject,
                          String html, String text, Map<String, String> headers, Map<String, String> metadata) {
}
