/**
 * The Herald plugin SPI. A plugin publishes a {@link io.herald.sdk.api.PluginDescriptor} service; the platform
 * stores each workspace's {@link io.herald.sdk.api.Connection} to it (configuration validated against the
 * plugin's {@link io.herald.sdk.api.ConfigSchema}, secrets encrypted at rest) and hands the plugin work and
 * webhooks with that connection. Semantically versioned: a minor version only adds.
 */
@Version("1.0.0")
package io.herald.sdk.api;

import org.osgi.annotation.versioning.Version;
