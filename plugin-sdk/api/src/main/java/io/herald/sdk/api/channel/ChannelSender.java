package io.herald.sdk.api.channel;

import io.herald.sdk.api.Connection;
import io.herald.sdk.api.PermanentFailure;
import io.herald.sdk.api.TransientFailure;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A channel plugin's way out. Register as an OSGi service with property {@code herald.plugin.id} set to the
 * plugin's id. The platform calls it from its durable queue, one message at a time per call, and may call it
 * again for the same message after a crash or a timeout: pass {@link OutboundMessage#idempotencyKey()} to
 * providers that support one.
 */
@ConsumerType
public interface ChannelSender {

    /** Service property naming the plugin a service belongs to. */
    String PLUGIN_ID = "herald.plugin.id";

    /**
     * @throws PermanentFailure the provider refused the message for good; it is not retried
     * @throws TransientFailure the provider could not take it now; it is retried later
     */
    SendReceipt send(OutboundMessage message, Connection connection) throws PermanentFailure, TransientFailure;
}
