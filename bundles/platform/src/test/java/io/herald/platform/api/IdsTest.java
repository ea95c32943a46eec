package io.herald.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsAreVersion7UuidsCarryingTheCreationTime() {
        long before = System.currentTimeMillis();
        String id = Ids.newId();
        long after = System.currentTimeMillis();

        assertTrue(Ids.isValid(id), id);
        assertEquals(id.toLowerCase(), id, "canonical lower-case form");
        UUID uuid = UUID.fromString(id);
        assertEquals(7, uuid.version());
        assertEquals(2, uuid.variant(), "RFC 9562 variant");
        long millis = uuid.getMostSignificantBits() >>> 16;
        // A burst of more than 2048 ids in a millisecond (another test) may run the timestamp a little ahead.
        assertTrue(millis >= before && millis <= after + 50, "timestamp " + millis + " within [" + before + ", " + after + "]");
    }

    @Test
    void laterIdsSortAfterEarlierOnesEvenWithinOneMillisecond() {
        // Pagination cursors and outbox delivery order rely on "id order = creation order".
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ids.add(Ids.newId());
        }
        for (int i = 1; i < ids.size(); i++) {
            String previous = ids.get(i - 1);
            String next = ids.get(i);
            assertTrue(next.compareTo(previous) > 0, "id " + i + " " + next + " sorts before its predecessor " + previous);
        }
        assertEquals(ids.size(), new HashSet<>(ids).size(), "unique");
        ids.forEach(id -> assertEquals(7, UUID.fromString(id).version(), id));
    }

    @Test
    void idsAreUniqueAcrossThreads() {
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        IntStream.range(0, 8).parallel().forEach(t -> {
            for (int i = 0; i < 5_000; i++) {
                ids.add(Ids.newId());
            }
        });
        Set<String> distinct = new HashSet<>(ids);
        assertEquals(40_000, distinct.size());
    }

    @Test
    void onlyIdShapedValuesAreValid() {
        assertTrue(Ids.isValid("01890a5d-ac96-774b-bcce-b302099a8057"));
        assertFalse(Ids.isValid(null));
        assertFalse(Ids.isValid(""));
        assertFalse(Ids.isValid("42"));
        assertFalse(Ids.isValid("01890a5d-ac96-774b-bcce-b302099a805"), "too short");
        assertFalse(Ids.isValid("01890a5d-ac96-774b-bcce-b302099a80570"), "too long");
        assertFalse(Ids.isValid("01890a5dxac96-774b-bcce-b302099a8057"), "no dash");
        assertFalse(Ids.isValid("0189zz5d-ac96-774b-bcce-b302099a8057"), "not hex");
        assertFalse(Ids.isValid("' OR 1=1 --'''''''''''''''''''''''''"));
    }
}
