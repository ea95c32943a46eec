package io.herald.sdk.api.webhook;

import io.herald.sdk.api.Connection;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Checks that a webhook really comes from the provider, with the provider's own signature scheme and the
 * connection's secret. Register as an OSGi service with property {@code herald.plugin.id} set to the plugin id.
 */
@ConsumerType
public interface WebhookVerifier {

    /**
     * @return the provider's id of the event, used to process a redelivered event only once
     * @throws WebhookRejected when the signature is missing or wrong
     */
    String verify(WebhookRequest request, Connection connection) throws WebhookRejected;
}
