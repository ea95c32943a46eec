package io.herald.platform.internal.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.platform.api.Connections;
import io.herald.platform.api.JobContext;
import io.herald.platform.api.JobHandler;
import io.herald.platform.api.Json;
import io.herald.platform.api.RetryLater;
import io.herald.sdk.api.Connection;
import io.herald.sdk.api.PermanentFailure;
import io.herald.sdk.api.TransientFailure;
import io.herald.sdk.api.channel.ChannelSender;
import io.herald.sdk.api.channel.OutboundMessage;
import io.herald.sdk.api.channel.SendReceipt;
import java.time.Duration;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands one queued message to its channel plugin. While the plugin is absent (stopped, being updated) the
 * message waits without using up attempts; a provider's temporary refusal retries with backoff, honouring
 * Retry-After; a permanent one fails the message with the provider's reason. A message already sent is never
 * handed over again, and a retry after a crash carries the same idempotency key.
 */
@Component(service = JobHandler.class)
public class MessageSendHandler implements JobHandler {

    static final Duration PLUGIN_ABSENT_WAIT = Duration.ofSeconds(5);
    /** A worker sleeps out a short wait for the connection's next slot; a longer one goes back to the queue. */
    static final Duration MAX_THROTTLE_SLEEP = Duration.ofSeconds(2);

    private final Logger logger = LoggerFactory.getLogger(MessageSendHandler.class);
    private final MessageStore messages;
    private final Connections connections;
    private final ChannelSenders senders;
    private final Json json;
    private final ConnectionThrottle throttle;

    @Activate
    public MessageSendHandler(@Reference MessageStore messages, @Reference Connections connections,
                              @Reference ChannelSenders senders, @Reference Json json,
                              @Reference ConnectionThrottle throttle) {
        this.throttle = throttle;
        this.messages = messages;
        this.connections = connections;
        this.senders = senders;
        this.json = json;
    }

    @Override
    public String type() {
        return MessageStore.SEND_JOB;
    }

    @Override
    public void handle(JobContext context) throws Exception {
        JsonNode payload = json.mapper().readTree(context.job().payload());
        String workspaceId = payload.path("workspaceId").asText();
        Optional<MessageStore.Stored> found = messages.load(workspaceId, payload.path("messageId").asText());
        if (found.isEmpty() || found.get().state().equals("sent") || found.get().state().equals("failed")) {
            return;
        }
        MessageStore.Stored message = found.get();
        Optional<ChannelSender> sender = senders.find(message.pluginId());
        if (sender.isEmpty()) {
            throw new RetryLater("plugin " + message.pluginId() + " is not running; the message waits for it",
                    PLUGIN_ABSENT_WAIT);
        }
        Optional<Connection> connection = connections.open(workspaceId, message.connectionId());
        if (connection.isEmpty()) {
            messages.markFailed(message, "the connection was deleted");
            return;
        }
        Duration wait = throttle.reserve(message);
        if (wait.compareTo(MAX_THROTTLE_SLEEP) > 0) {
            throw new RetryLater("connection " + message.connectionId() + " is at its sending rate", wait);
        }
        if (!wait.isZero()) {
            Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
        }
        messages.markSending(message);
        try {
            SendReceipt receipt = sender.get().send(outbound(message), connection.get());
            messages.markSent(message, receipt.providerMessageId());
            logger.debug("Message {} of workspace {} sent through {}", message.id(), workspaceId, message.pluginId());
        } catch (PermanentFailure e) {
            messages.markFailed(message, e.getMessage());
            logger.info("Message {} of workspace {} refused by {}: {}", message.id(), workspaceId, message.pluginId(),
                    e.getMessage());
        } catch (TransientFailure e) {
            boolean last = context.job().attempts() >= context.job().maxAttempts();
            if (last) {
                messages.markFailed(message, "gave up after " + context.job().attempts() + " attempts: "
                        + e.getMessage());
                return;
            }
            messages.recordError(message, e.getMessage());
            throw new RetryLater(e.getMessage(), e.retryAfter() != null ? e.retryAfter()
                    : io.herald.platform.internal.jobs.JobRunner.backoff(context.job().attempts()), true);
        }
    }

    private static OutboundMessage outbound(MessageStore.Stored message) {
        MessageContent c = message.content();
        return new OutboundMessage(message.id(), message.idempotencyKey(), message.workspaceId(),
                message.connectionId(), c.from(), c.replyTo(), c.to(), c.subject(), c.html(), c.text(), c.headers(),
                c.metadata());
    }
}
