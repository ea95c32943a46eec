package io.herald.platform.api;

import java.time.Instant;

/**
 * Something that happened in a workspace, written to the outbox in the transaction that made it happen.
 *
 * @param id      unique per event: consumers use it to process each event once
 * @param type    dotted name, for example {@code member.role_changed}
 * @param payload JSON object text
 */
public record DomainEvent(String id, String workspaceId, String type, String payload, Instant occurredAt) {
}
