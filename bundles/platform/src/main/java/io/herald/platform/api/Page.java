package io.herald.platform.api;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list. {@code nextCursor} is opaque to clients; pass it back as {@code ?cursor=} to get the
 * following page, and it is null on the last page.
 */
public record Page<T>(List<T> items, String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /**
     * Builds a page from {@code limit + 1} fetched rows: the extra row only tells that more exist.
     */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, String> cursorOf) {
        if (fetched.size() <= limit) {
            return new Page<>(List.copyOf(fetched), null);
        }
        List<T> items = List.copyOf(fetched.subList(0, limit));
        return new Page<>(items, cursorOf.apply(items.get(items.size() - 1)));
    }

    /** Validates a client's {@code limit}, defaulting when absent. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw Problem.badRequest("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }

    /** Validates a client's cursor: Herald cursors are the id of the last row seen. */
    public static String cursor(String requested) {
        if (requested == null || requested.isEmpty()) {
            return null;
        }
        if (!Ids.isValid(requested)) {
            throw Problem.badRequest("cursor", "cursor is not one this API issued");
        }
        return requested;
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
