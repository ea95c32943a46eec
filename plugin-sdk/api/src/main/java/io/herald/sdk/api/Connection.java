package io.herald.sdk.api;

import java.util.Map;

/**
 * A workspace's connection to a plugin, as the plugin sees it: the configuration with secrets already
 * decrypted. Never log {@link #config()} whole.
 */
public record Connection(String workspaceId, String connectionId, String pluginId, String name,
                         Map<String, String> config) {

    public Connection {
        config = Map.copyOf(config);
    }

    public String get(String field) {
        return config.get(field);
    }

    public String get(String field, String fallback) {
        String value = config.get(field);
        return value == null || value.isEmpty() ? fallback : value;
    }

    @Override
    public String toString() {
        return "Connection[" + pluginId + " " + connectionId + " of workspace " + workspaceId + "]";
    }
}
