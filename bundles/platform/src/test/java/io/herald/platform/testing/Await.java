package io.herald.platform.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Bounded waiting for something another thread does: polls every 10 ms, fails with a description on timeout. */
public final class Await {

    private Await() {
    }

    public static void until(Duration timeout, BooleanSupplier condition, Supplier<String> whatWasExpected) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out after " + timeout.toMillis() + " ms waiting for: " + whatWasExpected.get());
            }
            pause(10);
        }
    }

    public static void until(BooleanSupplier condition, Supplier<String> whatWasExpected) {
        until(Duration.ofSeconds(10), condition, whatWasExpected);
    }

    /**
     * Lets background loops run for a while, to show that something does NOT happen. Keep it a few poll
     * intervals long.
     */
    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
