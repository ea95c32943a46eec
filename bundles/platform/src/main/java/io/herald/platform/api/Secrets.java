package io.herald.platform.api;

/**
 * Encryption at rest for secrets that Herald must be able to read back (provider tokens, SMTP passwords,
 * webhook secrets): AES-256-GCM with the server's key. The stored form names the key it was sealed with, so
 * keys can be rotated while old values stay readable.
 */
public interface Secrets {

    /** Seals {@code plaintext}; each call gives a different value. {@code context} binds it to its owner. */
    String encrypt(String plaintext, String context);

    /**
     * Opens a sealed value. The same {@code context} must be given as when it was sealed, so a value copied
     * to another row (another workspace's connection) does not open.
     *
     * @throws IllegalArgumentException when the value was tampered with, sealed for another context or key
     */
    String decrypt(String sealed, String context);
}
