package io.herald.platform.api;

import java.time.Instant;

/** A durable job's state as users and handlers see it. */
public record Job(String id, String workspaceId, String type, String state, String payload, String progress,
                  int attempts, int maxAttempts, String lastError, Instant runAt, Instant createdAt,
                  Instant finishedAt) {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
}
