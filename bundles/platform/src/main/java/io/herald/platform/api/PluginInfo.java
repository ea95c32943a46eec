package io.herald.platform.api;

import io.herald.sdk.api.ConfigSchema;
import io.herald.sdk.api.PluginKind;

/**
 * An installed plugin as the registry sees it.
 *
 * @param state {@code active} while its descriptor service is registered; plugins that connections name but
 *              that are not running are listed as {@code absent}
 */
public record PluginInfo(String id, String name, String description, PluginKind kind, String bundle,
                         String version, String state, ConfigSchema configSchema) {
}
