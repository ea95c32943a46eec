package io.herald.sdk.api.webhook;

/** The request is not from the provider (bad or missing signature): answered 401, nothing stored. */
public class WebhookRejected extends Exception {
    private static final long serialVersionUID = 1L;

    public WebhookRejected(String reason) {
        super(reason);
    }
}
