package io.herald.sdk.api;

/**
 * The provider refused for good (invalid address, rejected credentials, content refused): the work fails
 * with this message and is not retried.
 */
public class PermanentFailure extends Exception {
    private static final long serialVersionUID = 1L;

    public PermanentFailure(String message) {
        super(message);
    }

    public PermanentFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
