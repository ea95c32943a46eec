package io.herald.sdk.api;

import java.time.Duration;

/**
 * The provider could not take the work now (throttled, unavailable, timed out): the platform retries with
 * backoff, no sooner than {@link #retryAfter()} when the provider said when (HTTP {@code Retry-After}).
 */
public class TransientFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public TransientFailure(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public TransientFailure(String message) {
        this(message, null, null);
    }

    /** Null when the provider gave no time: the platform's backoff decides. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
