package io.herald.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageTest {

    private record Row(String id, int n) {
    }

    private static List<Row> rows(int count) {
        return IntStream.range(0, count).mapToObj(i -> new Row(Ids.newId(), i)).toList();
    }

    @Test
    void aShortFetchIsTheLastPage() {
        List<Row> fetched = rows(3);
        Page<Row> page = Page.of(fetched, 3, Row::id);
        assertEquals(fetched, page.items());
        assertNull(page.nextCursor());

        Page<Row> empty = Page.of(List.of(), 50, Row::id);
        assertEquals(List.of(), empty.items());
        assertNull(empty.nextCursor());
    }

    @Test
    void theExtraRowMeansMoreAndTheCursorIsTheLastItemShown() {
        List<Row> fetched = rows(4); // limit + 1
        Page<Row> page = Page.of(fetched, 3, Row::id);
        assertEquals(fetched.subList(0, 3), page.items());
        assertEquals(fetched.get(2).id(), page.nextCursor(), "cursor is the last row returned, not the extra one");
        assertEquals(page.nextCursor(), Page.cursor(page.nextCursor()), "a cursor we issue is accepted back");
    }

    @Test
    void pageItemsCannotBeChangedAfterwards() {
        java.util.ArrayList<Row> fetched = new java.util.ArrayList<>(rows(2));
        Page<Row> page = Page.of(fetched, 5, Row::id);
        fetched.clear();
        assertEquals(2, page.items().size());
        assertThrows(UnsupportedOperationException.class, () -> page.items().add(new Row("x", 0)));
    }

    @Test
    void mapKeepsTheCursor() {
        Page<Row> page = Page.of(rows(3), 2, Row::id);
        Page<Integer> numbers = page.map(Row::n);
        assertEquals(List.of(0, 1), numbers.items());
        assertEquals(page.nextCursor(), numbers.nextCursor());
    }

    @Test
    void limitDefaultsAndIsBounded() {
        assertEquals(Page.DEFAULT_LIMIT, Page.limit(null));
        assertEquals(1, Page.limit(1));
        assertEquals(Page.MAX_LIMIT, Page.limit(Page.MAX_LIMIT));
        for (int bad : new int[] {0, -1, Page.MAX_LIMIT + 1, Integer.MAX_VALUE}) {
            Problem problem = assertThrows(Problem.class, () -> Page.limit(bad), "limit " + bad);
            assertEquals(400, problem.status());
            assertEquals("limit", problem.field());
            assertEquals("limit must be between 1 and 200", problem.detail());
            assertEquals(400, problem.getResponse().getStatus());
        }
    }

    @Test
    void cursorMustBeOneWeIssued() {
        assertNull(Page.cursor(null));
        assertNull(Page.cursor(""));
        String id = Ids.newId();
        assertEquals(id, Page.cursor(id));
        for (String bad : new String[] {"abc", "1", "' OR 1=1 --", id + "x"}) {
            Problem problem = assertThrows(Problem.class, () -> Page.cursor(bad), bad);
            assertEquals(400, problem.status());
            assertEquals("cursor", problem.field());
        }
    }
}
