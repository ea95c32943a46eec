package io.herald.sdk.api.channel;

import io.herald.sdk.api.Connection;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where channel plugins hand what providers tell them, usually from a verified webhook. The platform stores
 * each report or message durably and processes a provider event id once, so plugins may pass redeliveries on.
 */
@ProviderType
public interface ChannelEvents {

    void delivery(Connection connection, DeliveryReport report);

    void inbound(Connection connection, InboundMessage message);
}
