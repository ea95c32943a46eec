package io.herald.platform.api;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Identifiers for every Herald row: UUID version 7, so ids sort by creation time and serve directly as
 * pagination cursors, and a new row lands at the end of its index instead of at a random page.
 *
 * <p>Within one JVM every id sorts after the one issued before it, even inside one millisecond: the 12 bits
 * after the timestamp are a counter seeded randomly each millisecond (RFC 9562, section 6.2, method 1). Should
 * the counter run out, or the clock step back, the timestamp field moves on by one instead.
 */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Unix milliseconds shifted left by 12, plus the 12-bit counter, of the last id issued. */
    private static final AtomicLong LAST = new AtomicLong();

    private Ids() {
    }

    public static String newId() {
        // The counter starts in the lower half of its range, leaving at least 2048 ids per millisecond.
        long candidate = (System.currentTimeMillis() << 12) | RANDOM.nextInt(1 << 11);
        long stamp = LAST.updateAndGet(last -> Math.max(last + 1, candidate));
        long msb = ((stamp >>> 12) << 16) | (0x7L << 12) | (stamp & 0xFFF);
        long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }

    /** True when {@code value} looks like an id Herald issued; anything else can never match a row. */
    public static boolean isValid(String value) {
        if (value == null || value.length() != 36) {
            return false;
        }
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
