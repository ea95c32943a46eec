package io.herald.sdk.api.channel;

import java.time.Instant;

/**
 * A provider's news about a message it accepted, normalized.
 *
 * @param eventId           the provider's id of this notification: a redelivered notification is processed once
 * @param providerMessageId as in {@link SendReceipt#providerMessageId()}
 * @param recipient         the address concerned (bounces and complaints suppress it)
 */
public record DeliveryReport(String eventId, String providerMessageId, String recipient, DeliveryStatus status,
                             Instant occurredAt, String detail) {
}
