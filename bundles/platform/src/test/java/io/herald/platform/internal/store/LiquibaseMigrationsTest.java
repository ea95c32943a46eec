package io.herald.platform.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.platform.api.SchemaMigrations.MigrationStatus;
import io.herald.platform.testing.ComponentsTest;
import io.herald.platform.testing.TestDatabase;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;

/** The component that migrates every bundle's schema in Karaf, run against the test databases. */
class LiquibaseMigrationsTest extends ComponentsTest {

    /** A bundle as far as migrations care: a name and a class loader that holds its changelogs. */
    private static Bundle bundle() {
        BundleWiring wiring = (BundleWiring) Proxy.newProxyInstance(LiquibaseMigrationsTest.class.getClassLoader(),
                new Class<?>[] {BundleWiring.class}, (proxy, m, args) -> {
                    if (m.getName().equals("getClassLoader")) {
                        return LiquibaseMigrationsTest.class.getClassLoader();
                    }
                    throw new UnsupportedOperationException(m.toString());
                });
        return (Bundle) Proxy.newProxyInstance(LiquibaseMigrationsTest.class.getClassLoader(),
                new Class<?>[] {Bundle.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "adapt" -> args[0] == BundleWiring.class ? wiring : null;
                    case "getSymbolicName" -> "io.herald.test";
                    default -> throw new UnsupportedOperationException(m.toString());
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void migratingAgainOnRestartChangesNothingAndReportsUpToDate(TestDatabase.Kind kind) throws Exception {
        TestDatabase database = database(kind); // already migrated once by the fixture
        long changesets = database.count("SELECT count(*) FROM databasechangelog");
        assertTrue(changesets >= 3, "the platform changelog ran on the first start");

        LiquibaseMigrations migrations = new LiquibaseMigrations(database);
        migrations.migrate(bundle(), "db/platform.xml");
        migrations.migrate(bundle(), "db/platform.xml");

        assertEquals(changesets, database.count("SELECT count(*) FROM databasechangelog"));
        assertEquals(List.of(new MigrationStatus("db/platform.xml", true, "up to date")), migrations.status(),
                "one line per changelog, the latest outcome");
        for (String table : new String[] {"job", "outbox_event", "idempotency_record"}) {
            assertEquals(0, database.count("SELECT count(*) FROM " + table), table);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aFailingChangesetFailsTheMigrationNamingItAndIsReported(TestDatabase.Kind kind) throws Exception {
        TestDatabase database = database(kind);
        LiquibaseMigrations migrations = new LiquibaseMigrations(database);

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> migrations.migrate(bundle(), "db/test-broken.xml"));
        assertTrue(failure.getMessage().contains("db/test-broken.xml"), failure.getMessage());
        assertTrue(failure.getMessage().contains("test-2-broken"), "names the changeset: " + failure.getMessage());

        MigrationStatus status = migrations.status().get(0);
        assertEquals("db/test-broken.xml", status.changelog());
        assertFalse(status.ok());
        assertTrue(status.message().contains("test-2-broken"), status.message());
        assertEquals(1, database.count("SELECT count(*) FROM databasechangelog WHERE id = 'test-1-fine'"),
                "changesets before the failure stay applied");
        assertEquals(0, database.count("SELECT count(*) FROM databasechangelog WHERE id = 'test-2-broken'"));
        assertEquals(0, database.count("SELECT count(*) FROM databasechangeloglock WHERE locked = TRUE"),
                "the lock is released, so the next start can migrate");
    }
}
