package io.herald.platform.api;

import org.osgi.annotation.versioning.ProviderType;

/** What a running job may tell the platform while it works. */
@ProviderType
public interface JobContext {

    Job job();

    /**
     * Records progress (JSON text) durably and renews the lease. A handler that is interrupted and retried
     * reads it back from {@link Job#progress()} to resume where it stopped.
     */
    void progress(String json);
}
