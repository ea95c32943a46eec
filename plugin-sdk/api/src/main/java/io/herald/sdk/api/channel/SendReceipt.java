package io.herald.sdk.api.channel;

/** The provider accepted the message; its id ties later delivery reports to it. */
public record SendReceipt(String messageId, String providerMessageId) {
}
