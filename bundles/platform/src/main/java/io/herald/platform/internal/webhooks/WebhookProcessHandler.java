package io.herald.platform.internal.webhooks;

import io.herald.platform.api.Connections;
import io.herald.platform.api.JobContext;
import io.herald.platform.api.JobHandler;
import io.herald.platform.api.Json;
import io.herald.platform.api.RetryLater;
import io.herald.sdk.api.Connection;
import io.herald.sdk.api.webhook.WebhookReceiver;
import java.time.Duration;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands a stored webhook to its plugin; waits while the plugin is away, retries while it fails. */
@Component(service = JobHandler.class)
public class WebhookProcessHandler implements JobHandler {

    public static final String TYPE = "webhook.process";

    private final Logger logger = LoggerFactory.getLogger(WebhookProcessHandler.class);
    private final WebhookReceivers receivers;
    private final Connections connections;
    private final Json json;

    @Activate
    public WebhookProcessHandler(@Reference WebhookReceivers receivers, @Reference Connections connections,
                                 @Reference Json json) {
        this.receivers = receivers;
        this.connections = connections;
        this.json = json;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void handle(JobContext context) throws Exception {
        StoredWebhook hook = json.mapper().readValue(context.job().payload(), StoredWebhook.class);
        Optional<WebhookReceiver> receiver = receivers.find(hook.pluginId());
        if (receiver.isEmpty()) {
            throw new RetryLater("plugin " + hook.pluginId() + " is not running; the webhook waits",
                    Duration.ofSeconds(5));
        }
        Optional<Connection> connection = connections.open(hook.workspaceId(), hook.connectionId());
        if (connection.isEmpty()) {
            logger.info("Dropping webhook {} of deleted connection {} (workspace {})", hook.eventId(),
                    hook.connectionId(), hook.workspaceId());
            return;
        }
        receiver.get().process(hook.request(), connection.get());
    }
}
