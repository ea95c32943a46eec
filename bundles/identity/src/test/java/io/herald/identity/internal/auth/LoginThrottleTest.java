package io.herald.identity.internal.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.platform.api.Problem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void anAccountIsLockedAfterFiveFailuresUntilTheWindowPasses() {
        for (int i = 0; i < LoginThrottle.ACCOUNT_FAILURES; i++) {
            throttle.check("a@example.com", "10.0.0." + i);
            throttle.failed("a@example.com", "10.0.0." + i);
        }
        Problem locked = assertThrows(Problem.class, () -> throttle.check("a@example.com", "10.9.9.9"));
        assertEquals(429, locked.status());
        long retryAfter = ((Number) locked.extensions().get("retryAfter")).longValue();
        assertTrue(retryAfter > 800 && retryAfter <= 900, "retry after " + retryAfter);
        assertDoesNotThrow(() -> throttle.check("b@example.com", "10.9.9.9"), "other accounts are not locked");

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertDoesNotThrow(() -> throttle.check("a@example.com", "10.9.9.9"));
    }

    @Test
    void aSuccessfulLoginClearsTheAccountsFailures() {
        for (int i = 0; i < LoginThrottle.ACCOUNT_FAILURES - 1; i++) {
            throttle.failed("a@example.com", "10.0.0.1");
        }
        throttle.succeeded("a@example.com");
        throttle.failed("a@example.com", "10.0.0.1");
        assertDoesNotThrow(() -> throttle.check("a@example.com", "10.0.0.1"));
    }

    @Test
    void oneAddressGuessingManyAccountsIsStopped() {
        for (int i = 0; i < LoginThrottle.ADDRESS_FAILURES; i++) {
            throttle.check("user" + i + "@example.com", "10.0.0.7");
            throttle.failed("user" + i + "@example.com", "10.0.0.7");
        }
        Problem refused = assertThrows(Problem.class, () -> throttle.check("fresh@example.com", "10.0.0.7"));
        assertEquals(429, refused.status());
        assertDoesNotThrow(() -> throttle.check("fresh@example.com", "10.0.0.8"));
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
