package io.herald.sdk.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Tells Herald about a plugin. Register one as an OSGi service per plugin; its {@link #id()} is how
 * workspaces name the plugin in their connections and how webhooks reach it ({@code /hooks/{id}/{connection}}).
 */
@ConsumerType
public interface PluginDescriptor {

    /** Stable, lower-case, dash-separated, for example {@code channel-ses}. Never change it once published. */
    String id();

    /** Shown to people, for example "Amazon SES". */
    String name();

    String description();

    PluginKind kind();

    /** The fields a workspace fills in to connect, rendered as a form by the console. */
    ConfigSchema configSchema();

    /**
     * Messages per second one connection may send unless its workspace sets a limit of its own; 0 means no
     * limit. Put the provider's documented sending rate here, so a new connection never trips it.
     */
    default double defaultRatePerSecond() {
        return 0;
    }

    /**
     * Checks a connection's credentials with the provider ("Test connection" in the console). The default
     * accepts everything; plugins that talk to a provider should make one cheap authenticated call.
     */
    default void check(Connection connection) throws PermanentFailure, TransientFailure {
    }
}
