/** Identity services other bundles use: recording audit events. */
@Version("0.1.0")
package io.herald.identity.api;

import org.osgi.annotation.versioning.Version;
