package io.herald.platform.internal.plugins;

import io.herald.platform.api.PluginInfo;
import io.herald.platform.api.Plugins;
import io.herald.sdk.api.PluginDescriptor;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tracks plugin descriptor services: a plugin is active exactly while its bundle's descriptor is registered. */
@Component(service = {Plugins.class, PluginRegistry.class})
public class PluginRegistry implements Plugins {

    private record Entry(PluginDescriptor descriptor, Bundle bundle) {
    }

    private final Logger logger = LoggerFactory.getLogger(PluginRegistry.class);
    private final Map<String, Entry> plugins = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPlugin(PluginDescriptor descriptor, ServiceReference<PluginDescriptor> reference) {
        Bundle bundle = reference.getBundle();
        Entry previous = plugins.put(descriptor.id(), new Entry(descriptor, bundle));
        if (previous != null && previous.bundle().getBundleId() != bundle.getBundleId()) {
            logger.warn("Plugin id {} is provided by {} and {}; using the latter", descriptor.id(),
                    previous.bundle().getSymbolicName(), bundle.getSymbolicName());
        }
        logger.info("Plugin {} {} ({}) is active", descriptor.id(), bundle.getVersion(), descriptor.kind());
    }

    void removePlugin(PluginDescriptor descriptor) {
        // During an update the new bundle's descriptor may arrive before the old one leaves: remove only ours.
        Entry removed = plugins.computeIfPresent(descriptor.id(), (id, e) -> e.descriptor() == descriptor ? null : e);
        if (removed == null) {
            logger.info("Plugin {} stopped; work for it waits until it returns", descriptor.id());
        }
    }

    @Override
    public List<PluginInfo> list() {
        return plugins.values().stream()
                .map(e -> new PluginInfo(e.descriptor().id(), e.descriptor().name(), e.descriptor().description(),
                        e.descriptor().kind(), e.bundle().getSymbolicName(), e.bundle().getVersion().toString(),
                        "active", e.descriptor().configSchema()))
                .sorted(Comparator.comparing(PluginInfo::id)).toList();
    }

    @Override
    public Optional<PluginDescriptor> find(String pluginId) {
        Entry entry = plugins.get(pluginId);
        return entry == null ? Optional.empty() : Optional.of(entry.descriptor());
    }
}
