package io.herald.sdk.api.channel;

/** What became of a message after the provider accepted it. */
public enum DeliveryStatus {
    DELIVERED, DEFERRED, BOUNCED_HARD, BOUNCED_SOFT, COMPLAINED, OPENED, CLICKED, READ, FAILED
}
