package io.herald.platform.api;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Identifiers for every Herald row: UUID version 7, so ids sort by creation time and serve directly as
 * pagination cursors, and a new row lands at the end of its index instead of at a random page.
 */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String newId() {
        long millis = System.currentTimeMillis();
        long randA = RANDOM.nextInt(1 << 12);
        long msb = (millis << 16) | (0x7L << 12) | randA;
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
