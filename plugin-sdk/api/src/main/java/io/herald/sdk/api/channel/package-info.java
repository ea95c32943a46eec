/** Normalized records of the channel plugins: messages out, delivery reports and messages in. */
@Version("1.0.0")
package io.herald.sdk.api.channel;

import org.osgi.annotation.versioning.Version;
