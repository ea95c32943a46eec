package io.herald.platform.internal.plugins;

import io.herald.sdk.api.channel.ChannelSender;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plugin services of one kind, keyed by their {@code herald.plugin.id} service property. During an update the
 * new bundle's service may arrive before the old one leaves, so a removal only drops the service it names.
 */
public final class ByPluginId<T> {

    private final Map<String, T> services = new ConcurrentHashMap<>();

    public void add(T service, Map<String, Object> properties) {
        Object pluginId = properties.get(ChannelSender.PLUGIN_ID);
        if (pluginId != null) {
            services.put(pluginId.toString(), service);
        }
    }

    public void remove(T service, Map<String, Object> properties) {
        Object pluginId = properties.get(ChannelSender.PLUGIN_ID);
        if (pluginId != null) {
            services.remove(pluginId.toString(), service);
        }
    }

    public Optional<T> find(String pluginId) {
        return Optional.ofNullable(services.get(pluginId));
    }
}
