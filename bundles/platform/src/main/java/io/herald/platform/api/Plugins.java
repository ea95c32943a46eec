package io.herald.platform.api;

import io.herald.sdk.api.PluginDescriptor;
import java.util.List;
import java.util.Optional;

/** The plugins running now, tracked as they are installed, updated and removed. */
public interface Plugins {

    List<PluginInfo> list();

    Optional<PluginDescriptor> find(String pluginId);
}
