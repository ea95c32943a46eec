package io.herald.platform.api;

import java.time.Duration;

/** Thrown by a {@link JobHandler} that cannot proceed yet, for example on a provider's 429 with Retry-After. */
public class RetryLater extends Exception {
    private static final long serialVersionUID = 1L;

    private final Duration delay;
    private final boolean consumesAttempt;

    /** Waits without using up an attempt: the work could not even start (its plugin is absent). */
    public RetryLater(String reason, Duration delay) {
        this(reason, delay, false);
    }

    /**
     * @param consumesAttempt true when the work was tried and failed (a provider's 429): the job fails for good
     *                        once its attempts run out
     */
    public RetryLater(String reason, Duration delay, boolean consumesAttempt) {
        super(reason);
        this.delay = delay;
        this.consumesAttempt = consumesAttempt;
    }

    public boolean consumesAttempt() {
        return consumesAttempt;
    }

    public Duration delay() {
        return delay;
    }
}
