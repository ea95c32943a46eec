package io.herald.identity.internal.auth;

import io.herald.platform.api.Problem;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;

/**
 * Slows password guessing: an account is locked for the rest of a 15 minute window after 5 failed logins, and
 * an address after 30 failed logins or 120 attempts in that window. Answers 429 with Retry-After. Counters
 * live on the node that saw the attempts, which is enough to stop online guessing through it.
 */
@Component(service = LoginThrottle.class)
public class LoginThrottle {

    static final long WINDOW_MILLIS = 15 * 60 * 1000L;
    static final int ACCOUNT_FAILURES = 5;
    static final int ADDRESS_FAILURES = 30;
    static final int ADDRESS_ATTEMPTS = 120;

    private final Clock clock;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();
    private final Map<String, Deque<Long>> attempts = new ConcurrentHashMap<>();

    public LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Throws 429 when this account or address must wait; counts the attempt otherwise. */
    public void check(String email, String address) {
        long now = clock.millis();
        refuseIfOver(failures, "account:" + email, ACCOUNT_FAILURES, now, "too many failed logins for this account");
        refuseIfOver(failures, "address:" + address, ADDRESS_FAILURES, now, "too many failed logins from this address");
        refuseIfOver(attempts, "address:" + address, ADDRESS_ATTEMPTS, now, "too many logins from this address");
        record(attempts, "address:" + address, now);
    }

    public void failed(String email, String address) {
        long now = clock.millis();
        record(failures, "account:" + email, now);
        record(failures, "address:" + address, now);
    }

    public void succeeded(String email) {
        failures.remove("account:" + email);
    }

    private void refuseIfOver(Map<String, Deque<Long>> counters, String key, int limit, long now, String reason) {
        Deque<Long> times = counters.get(key);
        if (times == null) {
            return;
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() >= limit) {
                long retryAfter = Math.max(1, (times.peekFirst() + WINDOW_MILLIS - now + 999) / 1000);
                throw Problem.tooManyRequests(reason + "; try again in " + retryAfter + " s", retryAfter);
            }
        }
    }

    private void record(Map<String, Deque<Long>> counters, String key, long now) {
        Deque<Long> times = counters.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
        if (counters.size() > 100_000) {
            counters.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    prune(e.getValue(), now);
                    return e.getValue().isEmpty();
                }
            });
        }
    }

    private static void prune(Deque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MILLIS) {
            times.removeFirst();
        }
    }
}
