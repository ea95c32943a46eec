package io.herald.platform.internal.delivery;

import java.util.List;
import java.util.Map;

/** What a message says and to whom, stored as JSON with its row and handed to the plugin as is. */
public record MessageContent(String from, String replyTo, List<String> to, String subject, String html, String text,
                             Map<String, String> headers, Map<String, String> metadata) {
}
