package io.herald.sdk.api.webhook;

import io.herald.sdk.api.Connection;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Takes a provider's webhooks for a plugin at {@code /hooks/{plugin id}/{connection id}}. Register as an OSGi
 * service with property {@code herald.plugin.id}. The platform calls {@link #verify} while the provider waits
 * (a rejected request gets 401 and nothing is stored), answers 200 once the request is stored durably, and later
 * calls {@link #process} from its job queue, once per provider event id, retrying if it throws.
 */
@ConsumerType
public interface WebhookReceiver {

    /**
     * Checks that the request comes from the provider, with the provider's signature scheme and the
     * connection's secret.
     *
     * @return the provider's id of the event (redeliveries carry the same one)
     * @throws WebhookRejected when the signature is missing or wrong
     */
    String verify(WebhookRequest request, Connection connection) throws WebhookRejected;

    /**
     * Turns a verified request into normalized events, typically through
     * {@link io.herald.sdk.api.channel.ChannelEvents}. Runs once per event id; may run again after a crash.
     */
    void process(WebhookRequest request, Connection connection) throws Exception;

    /**
     * What the provider must get back, for handshakes such as SNS's subscription confirmation; null answers
     * an empty 200.
     */
    default String response(WebhookRequest request, Connection connection) {
        return null;
    }
}
