package io.herald.platform.internal.events;

import static io.herald.platform.testing.Await.pause;
import static io.herald.platform.testing.Await.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.platform.api.DomainEvent;
import io.herald.platform.api.Ids;
import io.herald.platform.internal.JacksonJson;
import io.herald.platform.testing.ComponentsTest;
import io.herald.platform.testing.JdbcTransaction;
import io.herald.platform.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Realtime streams: in-process on H2 (one node); on PostgreSQL every node LISTENs and the dispatching node
 * NOTIFYs, so a member connected to any node sees events made on any other.
 */
class RealtimeHubTest extends ComponentsTest {

    private final JacksonJson json = new JacksonJson();

    private RealtimeHub hub(TestDatabase database) {
        RealtimeHub hub = new RealtimeHub(database, json);
        onTearDown(hub::deactivate);
        return hub;
    }

    private AutoCloseable subscribe(RealtimeHub hub, String workspaceId, List<DomainEvent> sink) {
        AutoCloseable subscription = hub.subscribe(workspaceId, sink::add);
        onTearDown(subscription::close);
        return subscription;
    }

    /**
     * On PostgreSQL a hub's LISTEN starts in the background: broadcast a warm-up event until every hub has
     * delivered one, so the test proper starts with all nodes listening.
     */
    private static void awaitListening(RealtimeHub sender, RealtimeHub... hubs) throws Exception {
        String warmUp = Ids.newId();
        List<List<DomainEvent>> sinks = new ArrayList<>();
        List<AutoCloseable> subscriptions = new ArrayList<>();
        for (RealtimeHub hub : hubs) {
            List<DomainEvent> sink = new CopyOnWriteArrayList<>();
            sinks.add(sink);
            subscriptions.add(hub.subscribe(warmUp, sink::add));
        }
        until(Duration.ofSeconds(10), () -> {
            if (sinks.stream().anyMatch(List::isEmpty)) {
                sender.broadcast(new DomainEvent(Ids.newId(), warmUp, "test.warm_up", "{}", Instant.now()));
                pause(20);
            }
            return sinks.stream().noneMatch(List::isEmpty);
        }, () -> "every hub to LISTEN");
        for (AutoCloseable subscription : subscriptions) {
            subscription.close();
        }
    }

    private static DomainEvent event(String workspaceId, String type, String payload) {
        return new DomainEvent(Ids.newId(), workspaceId, type, payload, Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aStreamReceivesItsOwnWorkspacesEventsOnly(TestDatabase.Kind kind) throws Exception {
        TestDatabase database = database(kind);
        RealtimeHub hub = hub(database);
        awaitListening(hub, hub);
        String workspaceA = Ids.newId();
        String workspaceB = Ids.newId();
        List<DomainEvent> streamA = new CopyOnWriteArrayList<>();
        List<DomainEvent> streamB = new CopyOnWriteArrayList<>();
        List<DomainEvent> streamA2 = new CopyOnWriteArrayList<>();
        subscribe(hub, workspaceA, streamA);
        subscribe(hub, workspaceB, streamB);
        AutoCloseable secondTab = subscribe(hub, workspaceA, streamA2);
        assertEquals(3, hub.connections());

        DomainEvent forA = event(workspaceA, "contact.created", "{\"email\":\"a@example.com\"}");
        DomainEvent forB = event(workspaceB, "contact.created", "{\"email\":\"b@example.com\"}");
        hub.broadcast(forA);
        hub.broadcast(forB);
        until(() -> streamA.size() == 1 && streamA2.size() == 1 && streamB.size() == 1,
                () -> "one event per stream: " + streamA + streamA2 + streamB);
        assertEquals(forA, streamA.get(0), "the event arrives whole");
        assertEquals(forA, streamA2.get(0), "every connection of the workspace gets it");
        assertEquals(forB, streamB.get(0));

        secondTab.close();
        assertEquals(2, hub.connections());
        DomainEvent later = event(workspaceA, "contact.updated", "{}");
        hub.broadcast(later);
        until(() -> streamA.size() == 2, () -> "the second event");
        pause(100);
        assertEquals(1, streamA2.size(), "a closed stream gets nothing more");
        assertEquals(1, streamB.size());
    }

    @Test
    void oneFailingStreamDoesNotStopTheOthers() throws Exception {
        TestDatabase database = database(TestDatabase.Kind.H2);
        RealtimeHub hub = hub(database);
        String workspace = Ids.newId();
        List<DomainEvent> healthy = new CopyOnWriteArrayList<>();
        onTearDown(hub.subscribe(workspace, event -> {
            throw new IllegalStateException("client went away");
        })::close);
        subscribe(hub, workspace, healthy);
        DomainEvent event = event(workspace, "contact.created", "{}");
        hub.broadcast(event);
        assertEquals(List.of(event), healthy, "on one node delivery is immediate");
    }

    @Test
    void onPostgresqlAStreamOnOneNodeSeesEventsDispatchedOnAnother() throws Exception {
        TestDatabase nodeA = database(TestDatabase.Kind.POSTGRESQL);
        TestDatabase nodeB = anotherNode(nodeA);
        RealtimeHub hubA = hub(nodeA);
        RealtimeHub hubB = hub(nodeB);
        awaitListening(hubA, hubA, hubB);

        String workspace = Ids.newId();
        List<DomainEvent> onA = new CopyOnWriteArrayList<>();
        List<DomainEvent> onB = new CopyOnWriteArrayList<>();
        subscribe(hubA, workspace, onA);
        subscribe(hubB, workspace, onB);

        // Node A commits a change with its event; node A's dispatcher hands it to node A's hub.
        TransactionalOutbox outbox = new TransactionalOutbox(json, null);
        OutboxDispatcher dispatcher = new OutboxDispatcher(nodeA, outbox, hubA);
        onTearDown(dispatcher::deactivate);
        String small;
        String large;
        String bigText = "x".repeat(9000); // beyond PostgreSQL's 8000-byte NOTIFY payload: travels by id
        try (JdbcTransaction tx = new JdbcTransaction(nodeA.dataSource())) {
            small = outbox.publish(tx.em(), workspace, "member.joined", Map.of("member", "ada"));
            large = outbox.publish(tx.em(), workspace, "campaign.updated", Map.of("body", bigText));
            tx.commit();
        }

        until(() -> onB.size() == 2 && onA.size() == 2, () -> "both events on both nodes: A=" + onA + " B=" + onB);
        pause(200);
        assertEquals(List.of(small, large), onB.stream().map(DomainEvent::id).toList(), "each once, in order");
        assertEquals(List.of(small, large), onA.stream().map(DomainEvent::id).toList());
        DomainEvent first = onB.get(0);
        assertEquals(workspace, first.workspaceId());
        assertEquals("member.joined", first.type());
        assertEquals("{\"member\":\"ada\"}", first.payload());
        DomainEvent second = onB.get(1);
        assertEquals("campaign.updated", second.type());
        assertTrue(second.payload().contains(bigText), "the large event is read back whole");
        assertEquals(onA.get(1), second);
    }

    @Test
    void onPostgresqlABroadcastReachesEveryNodeOnceAndOnlyTheRightWorkspace() throws Exception {
        TestDatabase nodeA = database(TestDatabase.Kind.POSTGRESQL);
        RealtimeHub hubA = hub(nodeA);
        RealtimeHub hubB = hub(anotherNode(nodeA));
        RealtimeHub hubC = hub(anotherNode(nodeA));
        awaitListening(hubB, hubA, hubB, hubC);

        String workspace = Ids.newId();
        List<DomainEvent> onA = new CopyOnWriteArrayList<>();
        List<DomainEvent> onC = new CopyOnWriteArrayList<>();
        List<DomainEvent> otherWorkspaceOnB = new CopyOnWriteArrayList<>();
        subscribe(hubA, workspace, onA);
        subscribe(hubC, workspace, onC);
        subscribe(hubB, Ids.newId(), otherWorkspaceOnB);

        List<DomainEvent> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            DomainEvent event = event(workspace, "contact.created", "{\"n\":" + i + "}");
            sent.add(event);
            hubB.broadcast(event);
        }
        until(() -> onA.size() >= 20 && onC.size() >= 20, () -> "all events on A and C: " + onA.size() + "/" + onC.size());
        pause(200);
        assertEquals(sent, onA, "in order, each once");
        assertEquals(sent, onC);
        assertEquals(List.of(), otherWorkspaceOnB);
    }
}
