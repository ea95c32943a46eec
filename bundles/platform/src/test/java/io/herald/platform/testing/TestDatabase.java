package io.herald.platform.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.herald.platform.api.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Herald's database for tests: an H2 in-memory database in PostgreSQL mode, or the PostgreSQL named by the
 * {@code HERALD_TEST_PG_URL} environment variable (user and password {@code herald}, or
 * {@code HERALD_TEST_PG_USER}/{@code HERALD_TEST_PG_PASSWORD}). {@link #fresh} drops every object and runs the
 * platform changelog with plain Liquibase, so each test starts from an empty, fully migrated schema. Connections
 * come from a small pool, as they do in Karaf; {@link #close} closes it.
 */
public final class TestDatabase implements Database, AutoCloseable {

    public enum Kind { H2, POSTGRESQL }

    public static final String PG_URL_ENV = "HERALD_TEST_PG_URL";
    public static final String CHANGELOG = "db/platform.xml";
    private static final String H2_URL = "jdbc:h2:mem:herald_test;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    static {
        // Liquibase 4.30+ would otherwise fetch its analytics configuration from the internet on every update.
        System.setProperty("liquibase.analytics.enabled", "false");
        System.setProperty("liquibase.showBanner", "false");
    }

    private final Kind kind;
    private final HikariDataSource dataSource;

    private TestDatabase(Kind kind, DataSource driver) {
        this.kind = kind;
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(driver);
        pool.setPoolName("test-" + kind.name().toLowerCase(java.util.Locale.ROOT));
        pool.setMaximumPoolSize(12);
        pool.setMinimumIdle(0);
        pool.setConnectionTimeout(5000);
        this.dataSource = new HikariDataSource(pool);
    }

    /** An empty, migrated database of that kind; a PostgreSQL case is skipped when no server is configured. */
    public static TestDatabase fresh(Kind kind) throws Exception {
        TestDatabase database = connect(kind);
        database.dropEverything();
        database.migrate();
        return database;
    }

    /**
     * Another handle on the same database with its own DataSource, as a second Herald node would have. No
     * schema work.
     */
    public TestDatabase anotherNode() {
        return connect(kind);
    }

    public static TestDatabase connect(Kind kind) {
        if (kind == Kind.H2) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(H2_URL);
            h2.setUser("sa");
            h2.setPassword("");
            return new TestDatabase(kind, h2);
        }
        String url = System.getenv(PG_URL_ENV);
        assumeTrue(url != null && !url.isBlank(), PG_URL_ENV + " is not set: PostgreSQL case skipped");
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(url);
        pg.setUser(env("HERALD_TEST_PG_USER", "herald"));
        pg.setPassword(env("HERALD_TEST_PG_PASSWORD", "herald"));
        return new TestDatabase(kind, pg);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public Dialect dialect() {
        return kind == Kind.H2 ? Dialect.H2 : Dialect.POSTGRESQL;
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    @Override
    public String toString() {
        return kind.name();
    }

    private void dropEverything() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (kind == Kind.H2) {
                statement.execute("DROP ALL OBJECTS");
            } else {
                statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
                statement.execute("CREATE SCHEMA public");
            }
        }
    }

    /** Runs the platform changelog with plain Liquibase, as {@code LiquibaseMigrations} does in Karaf. */
    public void migrate() throws Exception {
        ClassLoaderResourceAccessor resources = new ClassLoaderResourceAccessor(TestDatabase.class.getClassLoader());
        try (Connection connection = dataSource.getConnection()) {
            Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), resources), () -> {
                liquibase.database.Database target = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                try (Liquibase liquibase = new Liquibase(CHANGELOG, resources, target)) {
                    liquibase.update("");
                }
            });
        }
    }

    /** Runs one statement with positional parameters and returns the update count. */
    public int update(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, values);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The rows of a query, each as an array of column values. */
    public List<Object[]> query(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, values);
            try (ResultSet rs = statement.executeQuery()) {
                List<Object[]> rows = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The single number a query such as {@code SELECT count(*) ...} answers. */
    public long count(String sql, Object... values) {
        List<Object[]> rows = query(sql, values);
        return ((Number) rows.get(0)[0]).longValue();
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }
}
