package io.herald.sdk.api.channel;

import java.time.Instant;
import java.util.Map;

/**
 * A message a contact sent to the workspace through a channel, normalized for the inbox.
 *
 * @param eventId   the provider's id of the message: a redelivered webhook is processed once
 * @param from      sender's address, phone number or handle
 * @param threadKey provider's conversation key when it has one (chat id, email thread), else null
 */
public record InboundMessage(String eventId, String from, String fromName, String threadKey, String text,
                             String html, Instant receivedAt, Map<String, String> attributes) {

    public InboundMessage {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
