package io.herald.platform.internal.store;

/** Helpers for SQL run through JPA native queries. */
public final class NativeSql {

    private NativeSql() {
    }

    /** JDBC's {@code ?} markers as JPA's numbered {@code ?1, ?2 ...}, which EclipseLink binds by position. */
    public static String numbered(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int n = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            out.append(c);
            if (c == '?') {
                out.append(++n);
            }
        }
        return out.toString();
    }
}
