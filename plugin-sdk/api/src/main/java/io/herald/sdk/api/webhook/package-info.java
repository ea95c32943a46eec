/** Webhooks from providers: the raw request and its verification by the plugin. */
@Version("1.0.0")
package io.herald.sdk.api.webhook;

import org.osgi.annotation.versioning.Version;
