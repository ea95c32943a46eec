package io.herald.platform.internal.events;

import static io.herald.platform.testing.Await.pause;
import static io.herald.platform.testing.Await.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.platform.api.DomainEvent;
import io.herald.platform.api.EventListener;
import io.herald.platform.api.Ids;
import io.herald.platform.api.Realtime;
import io.herald.platform.internal.JacksonJson;
import io.herald.platform.testing.ComponentsTest;
import io.herald.platform.testing.JdbcTransaction;
import io.herald.platform.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The transactional outbox and its dispatcher on a real database (H2, and PostgreSQL when configured). */
class OutboxDispatcherTest extends ComponentsTest {

    private final String workspace = Ids.newId();
    private final JacksonJson json = new JacksonJson();

    /** Records what it receives; fails on the events {@code failOn} selects. */
    static class RecordingListener implements EventListener {
        private final Set<String> types;
        private final Predicate<DomainEvent> failOn;
        final List<DomainEvent> received = new CopyOnWriteArrayList<>();

        RecordingListener(Set<String> types, Predicate<DomainEvent> failOn) {
            this.types = types;
            this.failOn = failOn;
        }

        RecordingListener(Set<String> types) {
            this(types, event -> false);
        }

        @Override
        public Set<String> types() {
            return types;
        }

        @Override
        public void onEvent(DomainEvent event) {
            received.add(event);
            if (failOn.test(event)) {
                throw new IllegalStateException("cannot handle " + event.type() + " yet");
            }
        }

        List<String> ids() {
            return received.stream().map(DomainEvent::id).toList();
        }

        long count(String id) {
            return received.stream().filter(e -> e.id().equals(id)).count();
        }
    }

    static class RecordingRealtime implements Realtime {
        final List<DomainEvent> broadcast = new CopyOnWriteArrayList<>();

        @Override
        public void broadcast(DomainEvent event) {
            broadcast.add(event);
        }

        @Override
        public int connections() {
            return 0;
        }
    }

    private TransactionalOutbox outbox() {
        return new TransactionalOutbox(json, null);
    }

    /** A dispatcher whose background loop is stopped, driven by calling {@code dispatchBatch()}. */
    private OutboxDispatcher manualDispatcher(TestDatabase database, TransactionalOutbox outbox, Realtime realtime,
                                              EventListener... listeners) {
        OutboxDispatcher dispatcher = new OutboxDispatcher(database, outbox, realtime);
        dispatcher.deactivate();
        until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().equals("herald-outbox")), () -> "the loop to stop");
        for (EventListener listener : listeners) {
            dispatcher.addListener(listener);
        }
        return dispatcher;
    }

    private OutboxDispatcher liveDispatcher(TestDatabase database, TransactionalOutbox outbox, Realtime realtime,
                                            EventListener... listeners) {
        OutboxDispatcher dispatcher = new OutboxDispatcher(database, outbox, realtime);
        onTearDown(dispatcher::deactivate);
        for (EventListener listener : listeners) {
            dispatcher.addListener(listener);
        }
        return dispatcher;
    }

    /** Publishes through the outbox in one committed transaction, as a domain service would. */
    private List<String> publish(TestDatabase database, TransactionalOutbox outbox, String... types) throws Exception {
        List<String> ids = new ArrayList<>();
        try (JdbcTransaction tx = new JdbcTransaction(database.dataSource())) {
            for (int i = 0; i < types.length; i++) {
                ids.add(outbox.publish(tx.em(), workspace, types[i], Map.of("n", i)));
            }
            tx.commit();
        }
        return ids;
    }

    private static OffsetDateTime now() {
        return Instant.now().atOffset(ZoneOffset.UTC);
    }

    private static void makeDueNow(TestDatabase database, String id) {
        assertEquals(1, database.update("UPDATE outbox_event SET next_attempt_at = ? WHERE id = ? AND dispatched_at IS NULL",
                now().minusNanos(1_000_000), id));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void everyListenerReceivesEachEventOnceInIdOrderAndEventsAreMarkedDispatched(TestDatabase.Kind kind)
            throws Exception {
        TestDatabase database = database(kind);
        TransactionalOutbox outbox = outbox();
        RecordingListener all = new RecordingListener(Set.of());
        RecordingListener contacts = new RecordingListener(Set.of("contact."));
        RecordingListener sent = new RecordingListener(Set.of("campaign.sent"));
        RecordingRealtime realtime = new RecordingRealtime();
        OutboxDispatcher dispatcher = manualDispatcher(database, outbox, realtime, all, contacts, sent);

        String[] types = new String[30];
        String[] cycle = {"contact.created", "contact.updated", "campaign.sent", "campaign.scheduled"};
        for (int i = 0; i < types.length; i++) {
            types[i] = cycle[i % cycle.length];
        }
        Instant before = Instant.now().minusMillis(5);
        List<String> published = publish(database, outbox, types);

        assertEquals(30, dispatcher.dispatchBatch());
        assertEquals(published, all.ids(), "every event once, in the order published");
        assertEquals(published.stream().filter(id -> types[published.indexOf(id)].startsWith("contact.")).toList(),
                contacts.ids(), "a family prefix selects its events only");
        assertEquals(published.stream().filter(id -> types[published.indexOf(id)].equals("campaign.sent")).toList(),
                sent.ids(), "an exact type selects that type only");
        assertEquals(published, realtime.broadcast.stream().map(DomainEvent::id).toList(), "each broadcast once");

        DomainEvent first = all.received.get(0);
        assertEquals(workspace, first.workspaceId());
        assertEquals("contact.created", first.type());
        assertEquals("{\"n\":0}", first.payload());
        assertFalse(first.occurredAt().isBefore(before));
        assertTrue(first.occurredAt().isBefore(Instant.now().plusSeconds(1)));

        assertEquals(30, database.count("SELECT count(*) FROM outbox_event WHERE dispatched_at IS NOT NULL "
                + "AND attempts = 1 AND last_error IS NULL"));
        assertEquals(0, dispatcher.dispatchBatch(), "nothing is delivered twice");
        assertEquals(30, all.received.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anEventOfARolledBackTransactionIsNeverDelivered(TestDatabase.Kind kind) throws Exception {
        TestDatabase database = database(kind);
        TransactionalOutbox outbox = outbox();
        RecordingListener listener = new RecordingListener(Set.of());
        OutboxDispatcher dispatcher = manualDispatcher(database, outbox, new RecordingRealtime(), listener);

        String rolledBack;
        try (JdbcTransaction tx = new JdbcTransaction(database.dataSource())) {
            rolledBack = outbox.publish(tx.em(), workspace, "contact.created", "{\"email\":\"x@example.com\"}");
            tx.rollback();
        }
        List<String> committed = publish(database, outbox, "contact.created");

        assertEquals(1, dispatcher.dispatchBatch());
        assertEquals(committed, listener.ids());
        assertEquals(0, listener.count(rolledBack));
        assertEquals(0, database.count("SELECT count(*) FROM outbox_event WHERE id = ?", rolledBack));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aListenerThatThrowsGetsTheEventAgainLaterAndTheOthersStillGetIt(TestDatabase.Kind kind) throws Exception {
        TestDatabase database = database(kind);
        TransactionalOutbox outbox = outbox();
        List<String> failures = new CopyOnWriteArrayList<>();
        RecordingListener flaky = new RecordingListener(Set.of(), event -> {
            // Fails the first time it sees the middle event only.
            boolean fail = event.payload().equals("{\"n\":1}") && !failures.contains(event.id());
            if (fail) {
                failures.add(event.id());
            }
            return fail;
        });
        RecordingListener steady = new RecordingListener(Set.of());
        RecordingRealtime realtime = new RecordingRealtime();
        OutboxDispatcher dispatcher = manualDispatcher(database, outbox, realtime, flaky, steady);
        List<String> ids = publish(database, outbox, "contact.created", "contact.created", "contact.created");
        String troubled = ids.get(1);

        Instant before = Instant.now();
        assertEquals(3, dispatcher.dispatchBatch());
        Instant after = Instant.now();
        assertEquals(ids, steady.ids(), "the other listener is not held up");
        assertEquals(ids, flaky.ids());
        Object[] row = database.query("SELECT dispatched_at, attempts, next_attempt_at, last_error FROM outbox_event "
                + "WHERE id = ?", troubled).get(0);
        assertNull(row[0], "not dispatched while a listener still needs it");
        assertEquals(1, ((Number) row[1]).intValue());
        Instant next = readInstant(database, troubled);
        assertNotNull(next);
        assertTrue(!next.isBefore(before.plusMillis(1995)) && !next.isAfter(after.plusMillis(2005)),
                "retried after a backoff of 2 s: " + next + " for a dispatch between " + before + " and " + after);
        assertTrue(((String) row[3]).contains(RecordingListener.class.getName())
                && ((String) row[3]).contains("cannot handle contact.created yet"), (String) row[3]);
        assertEquals(2, database.count("SELECT count(*) FROM outbox_event WHERE dispatched_at IS NOT NULL"));

        assertEquals(0, dispatcher.dispatchBatch(), "not again before the backoff has passed");
        makeDueNow(database, troubled);
        assertEquals(1, dispatcher.dispatchBatch());
        assertEquals(2, flaky.count(troubled), "redelivered to the listener that failed");
        assertTrue(steady.count(troubled) >= 1, "at least once for the others");
        assertEquals(1, realtime.broadcast.stream().filter(e -> e.id().equals(troubled)).count(),
                "streams see an event once, not on every retry");
        assertEquals(3, database.count("SELECT count(*) FROM outbox_event WHERE dispatched_at IS NOT NULL"));
        assertEquals(2, database.count("SELECT attempts FROM outbox_event WHERE id = ?", troubled));
    }

    private static Instant readInstant(TestDatabase database, String id) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT next_attempt_at FROM outbox_event WHERE id = ?")) {
            select.setString(1, id);
            try (var rs = select.executeQuery()) {
                rs.next();
                OffsetDateTime value = rs.getObject(1, OffsetDateTime.class);
                return value == null ? null : value.toInstant();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anEventNoListenerCanTakeIsGivenUpAfterMaxAttemptsAndBlocksNothing(TestDatabase.Kind kind) throws Exception {
        TestDatabase database = database(kind);
        TransactionalOutbox outbox = outbox();
        RecordingListener broken = new RecordingListener(Set.of("contact.deleted"), event -> true);
        RecordingListener other = new RecordingListener(Set.of("contact.created"));
        OutboxDispatcher dispatcher = manualDispatcher(database, outbox, new RecordingRealtime(), broken, other);
        String poison = publish(database, outbox, "contact.deleted").get(0);
        String fine = null;

        for (int attempt = 1; attempt < OutboxDispatcher.MAX_ATTEMPTS; attempt++) {
            if (attempt == 3) {
                fine = publish(database, outbox, "contact.created").get(0);
            }
            assertEquals(attempt == 3 ? 2 : 1, dispatcher.dispatchBatch());
            assertEquals(attempt, database.count("SELECT attempts FROM outbox_event WHERE id = ?", poison));
            makeDueNow(database, poison);
        }
        assertEquals(1, other.count(fine), "later events are not blocked by a failing one");
        assertEquals(1, dispatcher.dispatchBatch());
        assertEquals(OutboxDispatcher.MAX_ATTEMPTS, broken.count(poison));
        assertEquals(1, database.count("SELECT count(*) FROM outbox_event WHERE id = ? AND dispatched_at IS NOT NULL "
                + "AND attempts = ?", poison, OutboxDispatcher.MAX_ATTEMPTS), "given up, and marked so");
        assertEquals(0, dispatcher.dispatchBatch());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theRunningDispatcherDeliversWhatIsPublished(TestDatabase.Kind kind) throws Exception {
        TestDatabase database = database(kind);
        TransactionalOutbox outbox = outbox();
        RecordingListener listener = new RecordingListener(Set.of());
        liveDispatcher(database, outbox, new RecordingRealtime(), listener);

        List<String> ids = publish(database, outbox, "member.joined", "member.role_changed");
        until(Duration.ofSeconds(5), () -> listener.received.size() >= 2, () -> "both events, got " + listener.ids());
        pause(300);
        assertEquals(ids, listener.ids());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void twoNodesShareTheOutboxAndDeliverEachEventOnce(TestDatabase.Kind kind) throws Exception {
        TestDatabase nodeA = database(kind);
        TestDatabase nodeB = anotherNode(nodeA);
        RecordingListener onA = new RecordingListener(Set.of());
        RecordingListener onB = new RecordingListener(Set.of());
        liveDispatcher(nodeA, outbox(), new RecordingRealtime(), onA);
        liveDispatcher(nodeB, outbox(), new RecordingRealtime(), onB);

        int total = 500;
        List<String> ids = new ArrayList<>();
        try (Connection connection = nodeA.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement(TransactionalOutbox.INSERT)) {
            connection.setAutoCommit(false);
            for (int i = 0; i < total; i++) {
                String id = Ids.newId();
                ids.add(id);
                insert.setString(1, id);
                insert.setString(2, workspace);
                insert.setString(3, "bulk.imported");
                insert.setString(4, "{\"i\":" + i + "}");
                insert.setObject(5, now());
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        }
        until(Duration.ofSeconds(30), () -> nodeA.count("SELECT count(*) FROM outbox_event WHERE dispatched_at IS NULL") == 0,
                () -> "every event to be dispatched");
        pause(300);

        List<String> delivered = new ArrayList<>(onA.ids());
        delivered.addAll(onB.ids());
        Map<String, Long> times = delivered.stream().collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        assertEquals(Map.of(), times.entrySet().stream().filter(e -> e.getValue() != 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "events delivered twice");
        assertEquals(Set.copyOf(ids), times.keySet(), "every event delivered");
        assertEquals(total, nodeA.count("SELECT count(*) FROM outbox_event WHERE attempts = 1"));
        // Each node delivers in id order what it claimed.
        assertEquals(onA.ids().stream().sorted().toList(), onA.ids());
        assertEquals(onB.ids().stream().sorted().toList(), onB.ids());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void platformEventsReachListenersButNoWorkspaceStream(TestDatabase.Kind kind) throws Exception {
        TestDatabase database = database(kind);
        TransactionalOutbox outbox = outbox();
        RecordingListener listener = new RecordingListener(Set.of());
        RecordingRealtime realtime = new RecordingRealtime();
        OutboxDispatcher dispatcher = manualDispatcher(database, outbox, realtime, listener);
        String id;
        try (JdbcTransaction tx = new JdbcTransaction(database.dataSource())) {
            id = outbox.publish(tx.em(), null, "platform.plugin_installed", Map.of("plugin", "ses"));
            tx.commit();
        }
        assertEquals(1, dispatcher.dispatchBatch());
        assertEquals(List.of(id), listener.ids());
        assertNull(listener.received.get(0).workspaceId());
        assertEquals("{\"plugin\":\"ses\"}", listener.received.get(0).payload());
        assertEquals(List.of(), realtime.broadcast, "no workspace, no stream");
    }

    @Test
    void typeFiltersMatchExactTypesAndFamilies() {
        assertTrue(OutboxDispatcher.wants(Set.of(), "anything.at_all"));
        assertTrue(OutboxDispatcher.wants(Set.of("contact.created"), "contact.created"));
        assertFalse(OutboxDispatcher.wants(Set.of("contact.created"), "contact.created_twice"));
        assertTrue(OutboxDispatcher.wants(Set.of("contact."), "contact.deleted"));
        assertFalse(OutboxDispatcher.wants(Set.of("contact."), "contacts.deleted"));
        assertFalse(OutboxDispatcher.wants(Set.of("contact"), "contact.deleted"), "a family needs the trailing dot");
        assertTrue(OutboxDispatcher.wants(Set.of("campaign.", "contact.created"), "contact.created"));
    }
}
