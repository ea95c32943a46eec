package io.herald.identity.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Opaque credentials. Each is 256 random bits, so a fast SHA-256 is a safe way to store them: only the hash
 * is kept, and a stolen table yields nothing usable. The prefixes tell what a credential is at a glance (and
 * to secret scanners): {@code hs_} a session, {@code hk_} an API key, {@code hi_} an invitation.
 */
public final class Tokens {

    public static final String SESSION = "hs_";
    public static final String API_KEY = "hk_";
    public static final String INVITATION = "hi_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Tokens() {
    }

    public static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return B64.encodeToString(value);
    }

    public static String newSession() {
        return SESSION + random(32);
    }

    public static String newInvitation() {
        return INVITATION + random(32);
    }

    /** An API key: {@code hk_<prefix>_<secret>}; the prefix is stored in clear to find the key, and listed. */
    public record ApiKeySecret(String prefix, String secret) {
        public String full() {
            return API_KEY + prefix + "_" + secret;
        }
    }

    public static ApiKeySecret newApiKey() {
        String prefix = random(6).replace('-', 'x').replace('_', 'y');
        return new ApiKeySecret(prefix, random(32));
    }

    /** Splits {@code hk_<prefix>_<secret>}; null when it is not shaped like one. */
    public static ApiKeySecret parseApiKey(String token) {
        if (!token.startsWith(API_KEY) || token.length() < API_KEY.length() + 10) {
            return null;
        }
        int separator = token.indexOf('_', API_KEY.length());
        if (separator < 0) {
            return null;
        }
        return new ApiKeySecret(token.substring(API_KEY.length(), separator), token.substring(separator + 1));
    }

    public static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of two hex digests. */
    public static boolean sameHash(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
