package io.herald.identity.internal.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * The console's cookies: the session token (httpOnly, so scripts never see it) and the CSRF token (readable,
 * so the console can echo it in {@code X-CSRF-Token}; a cross-site page can neither read it nor set the header).
 */
public final class SessionCookies {

    public static final String SESSION = "herald_session";
    public static final String CSRF = "herald_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private SessionCookies() {
    }

    public static String[] issue(String token, String csrf, Instant expiresAt, boolean secure) {
        long maxAge = Math.max(0, Duration.between(Instant.now(), expiresAt).toSeconds());
        String flags = "; Path=/; Max-Age=" + maxAge + "; SameSite=Lax" + (secure ? "; Secure" : "");
        return new String[] {SESSION + "=" + token + flags + "; HttpOnly", CSRF + "=" + csrf + flags};
    }

    public static String[] clear(boolean secure) {
        String flags = "; Path=/; Max-Age=0; SameSite=Lax" + (secure ? "; Secure" : "");
        return new String[] {SESSION + "=" + flags + "; HttpOnly", CSRF + "=" + flags};
    }

}
