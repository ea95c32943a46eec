package io.herald.platform.internal.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.platform.api.Database;
import io.herald.platform.api.DomainEvent;
import io.herald.platform.api.Json;
import io.herald.platform.api.Realtime;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans a workspace's events out to the streams connected to it. On PostgreSQL every node LISTENs on one
 * channel and the dispatching node NOTIFYs it, so a member connected to any node sees events made on any
 * other; on H2 (one node) delivery is in-process.
 */
@Component(service = {Realtime.class, RealtimeHub.class}, immediate = true)
public class RealtimeHub implements Realtime {

    static final String CHANNEL = "herald_events";
    /** PostgreSQL's NOTIFY payload limit is 8000 bytes; larger events travel by id and are read back. */
    private static final int MAX_INLINE = 7000;

    private final Logger logger = LoggerFactory.getLogger(RealtimeHub.class);
    private final Database database;
    private final Json json;
    private final Map<String, Set<Consumer<DomainEvent>>> subscribers = new ConcurrentHashMap<>();
    private final ExecutorService listener = Executors.newSingleThreadExecutor(r -> new Thread(r, "herald-listen"));
    private volatile boolean stopping;

    @Activate
    public RealtimeHub(@Reference Database database, @Reference Json json) {
        this.database = database;
        this.json = json;
        if (database.isPostgres()) {
            listener.execute(this::listen);
        }
    }

    @Deactivate
    void deactivate() {
        stopping = true;
        listener.shutdownNow();
    }

    /** Subscribes to one workspace's events on this node; close the handle to stop. */
    public AutoCloseable subscribe(String workspaceId, Consumer<DomainEvent> subscriber) {
        subscribers.computeIfAbsent(workspaceId, ws -> ConcurrentHashMap.newKeySet()).add(subscriber);
        return () -> subscribers.computeIfPresent(workspaceId, (ws, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }

    @Override
    public int connections() {
        return subscribers.values().stream().mapToInt(Set::size).sum();
    }

    @Override
    public void broadcast(DomainEvent event) {
        if (!database.isPostgres()) {
            deliverLocally(event);
            return;
        }
        String message = json.write(event);
        if (message.getBytes(StandardCharsets.UTF_8).length > MAX_INLINE) {
            message = json.write(Map.of("id", event.id()));
        }
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, message);
            notify.execute();
        } catch (Exception e) {
            logger.warn("Could not NOTIFY event {} of workspace {}; delivering on this node only: {}", event.id(),
                    event.workspaceId(), e.getMessage());
            deliverLocally(event);
        }
    }

    void deliverLocally(DomainEvent event) {
        Set<Consumer<DomainEvent>> set = subscribers.get(event.workspaceId());
        if (set == null) {
            return;
        }
        for (Consumer<DomainEvent> subscriber : set) {
            try {
                subscriber.accept(event);
            } catch (RuntimeException e) {
                logger.debug("A stream subscriber of workspace {} failed: {}", event.workspaceId(), e.getMessage());
            }
        }
    }

    private void listen() {
        while (!stopping) {
            try (Connection connection = database.dataSource().getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                logger.info("Realtime fan-out listening on PostgreSQL channel {}", CHANNEL);
                while (!stopping) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            received(notification.getParameter());
                        }
                    }
                }
            } catch (Exception e) {
                if (!stopping) {
                    logger.warn("Realtime LISTEN connection lost, reconnecting in 2 s: {}", e.getMessage());
                    try {
                        Thread.sleep(2000);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }
    }

    private void received(String message) {
        try {
            JsonNode node = json.mapper().readTree(message);
            DomainEvent event = node.has("type")
                    ? json.mapper().treeToValue(node, DomainEvent.class)
                    : load(node.get("id").asText());
            if (event != null) {
                deliverLocally(event);
            }
        } catch (Exception e) {
            logger.warn("Ignoring an unreadable realtime notification: {}", e.getMessage());
        }
    }

    private DomainEvent load(String id) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT id, workspace_id, type, payload, occurred_at FROM outbox_event WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Instant at = rs.getObject(5, OffsetDateTime.class).toInstant();
                return new DomainEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), at);
            }
        }
    }
}
