package io.herald.platform.internal.jobs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void backoffGrowsExponentiallyWithJitterAndIsCappedAtAnHour() {
        for (int attempt = 1; attempt <= 30; attempt++) {
            long ceiling = 1000 + Math.min(3600, 1L << Math.min(attempt, 12)) * 1000;
            for (int i = 0; i < 200; i++) {
                Duration delay = JobRunner.backoff(attempt);
                assertTrue(delay.toMillis() >= 1000, "at least a second: " + delay);
                assertTrue(delay.toMillis() <= ceiling, "attempt " + attempt + " at most " + ceiling + " ms: " + delay);
            }
        }
        assertTrue(JobRunner.backoff(40).compareTo(Duration.ofMinutes(61)) <= 0);
        // jitter: not every retry of a stampede lands on the same instant
        assertTrue(java.util.stream.IntStream.range(0, 50).mapToObj(i -> JobRunner.backoff(6)).distinct().count() > 1);
    }
}
