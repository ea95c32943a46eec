/**
 * The platform's public contract: tenancy and caller context, problem errors, paging, database access,
 * schema migrations, the transactional outbox, durable jobs and realtime events.
 */
@Version("0.1.0")
package io.herald.platform.api;

import org.osgi.annotation.versioning.Version;
