package io.herald.identity.internal.rest;

import io.herald.identity.internal.Accounts;
import javax.servlet.http.HttpServletRequest;

/** What resources read off the HTTP request besides the body. */
final class Requests {

    private Requests() {
    }

    static Accounts.Client client(HttpServletRequest request) {
        return new Accounts.Client(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }

    static String ip(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    /** Cookies get {@code Secure} when the console is reached over HTTPS, directly or through a proxy. */
    static boolean secure(HttpServletRequest request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }
}
