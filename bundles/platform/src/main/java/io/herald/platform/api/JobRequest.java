package io.herald.platform.api;

import java.time.Instant;

/**
 * Work to do durably.
 *
 * @param workspaceId the tenant the work belongs to, or null for platform work
 * @param type        selects the {@link JobHandler}
 * @param payload     JSON text the handler reads
 * @param runAt       earliest start; null means now
 * @param maxAttempts attempts before the job is failed for good
 * @param dedupeKey   when not null, a second job with the same type and key is not created: enqueuing it again
 *                    answers the id of the job that exists (keys are global per type, so include the workspace)
 */
public record JobRequest(String workspaceId, String type, String payload, Instant runAt, int maxAttempts,
                         String dedupeKey) {

    public static JobRequest of(String workspaceId, String type, String payload) {
        return new JobRequest(workspaceId, type, payload, null, 10, null);
    }
}
