package io.herald.platform.internal.delivery;

import java.time.Instant;
import java.util.List;

/** A message's state and what happened to it, as the API shows it. */
public record MessageView(String id, String connectionId, String plugin, String state, MessageContent content,
                          String providerMessageId, int attempts, String lastError, Instant createdAt, Instant sentAt,
                          List<Event> events) {

    public record Event(String id, String status, String recipient, String detail, Instant occurredAt) {
    }
}
