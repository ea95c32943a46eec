package io.herald.platform.internal.store;

import io.herald.platform.api.Database;
import io.herald.platform.api.SchemaMigrations;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Liquibase for every bundle's changelog, one at a time (Liquibase's own lock table also serialises nodes).
 * The same changelog runs on H2 and PostgreSQL; changesets for one database say so with {@code dbms}.
 */
@Component(service = SchemaMigrations.class)
public class LiquibaseMigrations implements SchemaMigrations {

    private final Logger logger = LoggerFactory.getLogger(LiquibaseMigrations.class);
    private final Database database;
    private final List<MigrationStatus> statuses = new CopyOnWriteArrayList<>();

    @Activate
    public LiquibaseMigrations(@Reference Database database) {
        this.database = database;
    }

    @Override
    public synchronized void migrate(Bundle bundle, String changelog) {
        statuses.removeIf(s -> s.changelog().equals(changelog));
        ClassLoader loader = bundle.adapt(BundleWiring.class).getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Liquibase.class.getClassLoader());
        long started = System.nanoTime();
        try (Connection connection = database.dataSource().getConnection()) {
            // Liquibase's console summaries go to the log, not to the operator's terminal, and it never phones
            // home (4.31+ fetches an analytics configuration over the internet unless told not to).
            Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(loader),
                    Scope.Attr.ui.name(), new LoggerUIService(), "liquibase.analytics.enabled", false), () -> {
                liquibase.database.Database target = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                try (Liquibase liquibase = new Liquibase(changelog, new ClassLoaderResourceAccessor(loader), target)) {
                    liquibase.update("");
                }
            });
            statuses.add(new MigrationStatus(changelog, true, "up to date"));
            logger.info("Schema {} of bundle {} is up to date ({} ms)", changelog, bundle.getSymbolicName(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (Exception e) {
            String message = rootMessage(e);
            statuses.add(new MigrationStatus(changelog, false, message));
            logger.error("Schema migration {} of bundle {} FAILED; its services stay down: {}", changelog,
                    bundle.getSymbolicName(), message, e);
            throw new IllegalStateException("schema migration " + changelog + " failed: " + message, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static String rootMessage(Throwable e) {
        StringBuilder message = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && message.indexOf(t.getMessage()) < 0) {
                if (message.length() > 0) {
                    message.append(" <- ");
                }
                message.append(t.getMessage());
            }
        }
        return message.toString();
    }

    @Override
    public List<MigrationStatus> status() {
        return List.copyOf(statuses);
    }
}
