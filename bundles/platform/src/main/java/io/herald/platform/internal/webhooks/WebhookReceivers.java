package io.herald.platform.internal.webhooks;

import io.herald.platform.internal.plugins.ByPluginId;
import io.herald.sdk.api.webhook.WebhookReceiver;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** The plugins' webhook receivers, by plugin id, as they come and go. */
@Component(service = WebhookReceivers.class)
public class WebhookReceivers {

    private final ByPluginId<WebhookReceiver> receivers = new ByPluginId<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addReceiver(WebhookReceiver receiver, Map<String, Object> properties) {
        receivers.add(receiver, properties);
    }

    void removeReceiver(WebhookReceiver receiver, Map<String, Object> properties) {
        receivers.remove(receiver, properties);
    }

    public Optional<WebhookReceiver> find(String pluginId) {
        return receivers.find(pluginId);
    }
}
