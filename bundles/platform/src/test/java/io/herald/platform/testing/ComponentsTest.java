package io.herald.platform.testing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;

/**
 * Base of tests that start platform components (which start threads): each test registers how to stop what it
 * started, and after it every component is stopped in reverse order and no {@code herald-} thread may remain.
 */
public abstract class ComponentsTest {

    @FunctionalInterface
    public interface Stop {
        void stop() throws Exception;
    }

    private final Deque<Stop> stops = new ArrayDeque<>();

    /** Registers a stop action to run after the test, most recent first. */
    protected void onTearDown(Stop stop) {
        stops.push(stop);
    }

    @AfterEach
    void stopComponents() throws Exception {
        Exception first = null;
        while (!stops.isEmpty()) {
            try {
                stops.pop().stop();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
        Await.until(Duration.ofSeconds(15), () -> heraldThreads().isEmpty(),
                () -> "platform threads to end after deactivation, still alive: " + heraldThreads());
    }

    static List<String> heraldThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("herald-"))
                .sorted()
                .toList();
    }

    /** An empty, migrated database for this test, closed after it. */
    protected TestDatabase database(TestDatabase.Kind kind) throws Exception {
        TestDatabase database = TestDatabase.fresh(kind);
        onTearDown(database::close);
        return database;
    }

    /** A second node's handle on the same database, closed after the test. */
    protected TestDatabase anotherNode(TestDatabase database) {
        TestDatabase node = database.anotherNode();
        onTearDown(node::close);
        return node;
    }

    /** Parameter source for persistence tests: every test runs on H2 and, when configured, on PostgreSQL. */
    public static Stream<TestDatabase.Kind> databases() {
        return Stream.of(TestDatabase.Kind.values());
    }
}
