package io.herald.sdk.api.channel;

import java.util.List;
import java.util.Map;

/**
 * A message for a channel plugin to send, already rendered and addressed.
 *
 * @param id             Herald's message id
 * @param idempotencyKey the same for every attempt of this message: pass it to providers that support one,
 *                       so a retry after a crash never sends twice
 * @param from           sender address or handle (email: {@code "Name <a@b.c>"})
 * @param to             recipients (email addresses, E.164 phone numbers, chat ids)
 * @param headers        extra protocol headers, for example {@code List-Unsubscribe}
 * @param metadata       opaque values echoed back in delivery reports (campaign id, contact id)
 */
public record OutboundMessage(String id, String idempotencyKey, String workspaceId, String connectionId,
                              String from, String replyTo, List<String> to, String subject, String html,
                              String text, Map<String, String> headers, Map<String, String> metadata) {

    public OutboundMessage {
        to = List.copyOf(to);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
