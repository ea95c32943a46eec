package io.herald.platform.api;

import java.time.Duration;

/** Thrown by a {@link JobHandler} that cannot proceed yet, for example on a provider's 429 with Retry-After. */
public class RetryLater extends Exception {
    private static final long serialVersionUID = 1L;

    private final Duration delay;

    public RetryLater(String reason, Duration delay) {
        super(reason);
        this.delay = delay;
    }

    public Duration delay() {
        return delay;
    }
}
