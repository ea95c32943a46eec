package io.herald.platform.api;

import java.util.Optional;
import javax.persistence.EntityManager;

/**
 * Durable jobs: rows claimed with {@code SELECT ... FOR UPDATE SKIP LOCKED} under a lease, so any number of
 * Herald nodes share them and a crashed node's work is taken over when its lease runs out.
 */
public interface Jobs {

    /** Enqueues in the caller's transaction, so the job exists exactly when the caller's change does. */
    String enqueue(EntityManager em, JobRequest request);

    /** Enqueues in a transaction of its own. */
    String enqueue(JobRequest request);

    /** A job of that workspace, or empty when it does not exist or belongs to another workspace. */
    Optional<Job> find(String workspaceId, String jobId);
}
