package io.herald.platform.internal.delivery;

import io.herald.sdk.api.channel.ChannelSender;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** The channel plugins' senders, by plugin id, as they come and go. */
@Component(service = ChannelSenders.class)
public class ChannelSenders {

    private final Map<String, ChannelSender> senders = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSender(ChannelSender sender, Map<String, Object> properties) {
        Object pluginId = properties.get(ChannelSender.PLUGIN_ID);
        if (pluginId != null) {
            senders.put(pluginId.toString(), sender);
        }
    }

    void removeSender(ChannelSender sender, Map<String, Object> properties) {
        Object pluginId = properties.get(ChannelSender.PLUGIN_ID);
        if (pluginId != null) {
            senders.remove(pluginId.toString(), sender);
        }
    }

    public Optional<ChannelSender> find(String pluginId) {
        return Optional.ofNullable(senders.get(pluginId));
    }
}
