package io.herald.platform.internal.delivery;

import io.herald.platform.internal.plugins.ByPluginId;
import io.herald.sdk.api.channel.ChannelSender;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** The channel plugins' senders, by plugin id, as they come and go. */
@Component(service = ChannelSenders.class)
public class ChannelSenders {

    private final ByPluginId<ChannelSender> senders = new ByPluginId<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSender(ChannelSender sender, Map<String, Object> properties) {
        senders.add(sender, properties);
    }

    void removeSender(ChannelSender sender, Map<String, Object> properties) {
        senders.remove(sender, properties);
    }

    public Optional<ChannelSender> find(String pluginId) {
        return senders.find(pluginId);
    }
}
