package io.herald.sdk.api;

/** What a plugin integrates. */
public enum PluginKind {
    /** Sends and receives messages: email, WhatsApp, Telegram, X. */
    CHANNEL,
    /** Syncs a shop: customers, products, orders, abandoned checkouts. */
    STORE,
    /** Takes payments: plans, subscriptions, charges. */
    PAYMENT
}
