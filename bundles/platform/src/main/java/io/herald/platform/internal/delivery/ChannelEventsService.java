package io.herald.platform.internal.delivery;

import io.herald.sdk.api.Connection;
import io.herald.sdk.api.channel.ChannelEvents;
import io.herald.sdk.api.channel.DeliveryReport;
import io.herald.sdk.api.channel.InboundMessage;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives what channel plugins learn from providers. Delivery reports become delivery events of the message
 * (once per provider event id) and outbox events (bounces and complaints feed suppression in messaging).
 */
@Component(service = ChannelEvents.class)
public class ChannelEventsService implements ChannelEvents {

    private final Logger logger = LoggerFactory.getLogger(ChannelEventsService.class);
    private final MessageStore messages;

    @Activate
    public ChannelEventsService(@Reference MessageStore messages) {
        this.messages = messages;
    }

    @Override
    public void delivery(Connection connection, DeliveryReport report) {
        boolean fresh = messages.report(connection.workspaceId(), connection.connectionId(), report.eventId(),
                report.providerMessageId(), report.status().name().toLowerCase(Locale.ROOT), report.recipient(),
                report.detail(), report.occurredAt());
        if (!fresh) {
            logger.debug("Ignoring redelivered event {} of connection {}", report.eventId(), connection.connectionId());
        }
    }

    @Override
    public void inbound(Connection connection, InboundMessage message) {
        // The inbox module (a later issue) consumes these; until then they are recorded as delivery events.
        messages.report(connection.workspaceId(), connection.connectionId(), message.eventId(), null, "inbound",
                message.from(), message.text() == null ? null
                        : message.text().substring(0, Math.min(500, message.text().length())), message.receivedAt());
    }
}
