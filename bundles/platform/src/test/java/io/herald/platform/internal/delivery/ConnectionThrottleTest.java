package io.herald.platform.internal.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectionThrottleTest {

    private final ConnectionThrottle throttle = new ConnectionThrottle(null);

    @Test
    void sendsAreSpacedToTheConnectionsRate() {
        long now = 1_000_000_000L;
        assertEquals(Duration.ZERO, throttle.reserve("c1", 10, now));
        assertEquals(Duration.ofMillis(100), throttle.reserve("c1", 10, now));
        assertEquals(Duration.ofMillis(200), throttle.reserve("c1", 10, now));
        // Time passes: the slots caught up, the next send goes at once.
        assertEquals(Duration.ZERO, throttle.reserve("c1", 10, now + 1_000_000_000L));
    }

    @Test
    void connectionsDoNotShareSlotsAndZeroMeansNoLimit() {
        long now = 5_000_000_000L;
        throttle.reserve("c1", 1, now);
        assertEquals(Duration.ZERO, throttle.reserve("c2", 1, now));
        assertEquals(Duration.ofSeconds(1), throttle.reserve("c1", 1, now));
        for (int i = 0; i < 1000; i++) {
            assertEquals(Duration.ZERO, throttle.reserve("c3", 0, now));
        }
    }
}
