package io.herald.platform.api;

import javax.sql.DataSource;

/** Herald's one database, H2 by default or PostgreSQL in production, and which of the two it is. */
public interface Database {

    enum Dialect { H2, POSTGRESQL }

    Dialect dialect();

    DataSource dataSource();

    default boolean isPostgres() {
        return dialect() == Dialect.POSTGRESQL;
    }
}
