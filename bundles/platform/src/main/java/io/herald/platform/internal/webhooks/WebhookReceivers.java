package io.herald.platform.internal.webhooks;

import io.herald.sdk.api.channel.ChannelSender;
import io.herald.sdk.api.webhook.WebhookReceiver;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** The plugins' webhook receivers, by plugin id, as they come and go. */
@Component(service = WebhookReceivers.class)
public class WebhookReceivers {

    private final Map<String, WebhookReceiver> receivers = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addReceiver(WebhookReceiver receiver, Map<String, Object> properties) {
        Object pluginId = properties.get(ChannelSender.PLUGIN_ID);
        if (pluginId != null) {
            receivers.put(pluginId.toString(), receiver);
        }
    }

    void removeReceiver(WebhookReceiver receiver, Map<String, Object> properties) {
        Object pluginId = properties.get(ChannelSender.PLUGIN_ID);
        if (pluginId != null) {
            receivers.remove(pluginId.toString(), receiver);
        }
    }

    public Optional<WebhookReceiver> find(String pluginId) {
        return Optional.ofNullable(receivers.get(pluginId));
    }
}
