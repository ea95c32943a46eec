package io.herald.platform.api;

import io.herald.sdk.api.Connection;
import java.util.Optional;

/** Workspaces' connections to plugins, for the bundles that hand work to plugins. */
public interface Connections {

    /** The connection with its secrets opened; empty when absent or of another workspace. */
    Optional<Connection> open(String workspaceId, String connectionId);
}
