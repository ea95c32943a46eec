package io.herald.platform.internal.events;

import io.herald.platform.api.Database;
import io.herald.platform.api.DomainEvent;
import io.herald.platform.api.EventListener;
import io.herald.platform.api.Realtime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers committed outbox events: claims a batch with {@code SKIP LOCKED} (one node per event), hands each
 * to the realtime hub and to every matching {@link EventListener}, then marks it dispatched. A listener that
 * throws gets the event again later, with backoff; listeners are idempotent by event id.
 */
@Component(service = OutboxDispatcher.class, immediate = true)
public class OutboxDispatcher {

    static final int MAX_ATTEMPTS = 10;
    private static final int BATCH = 200;

    private final Logger logger = LoggerFactory.getLogger(OutboxDispatcher.class);
    private final Database database;
    private final TransactionalOutbox outbox;
    private final Realtime realtime;
    private final List<EventListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService loop = Executors.newSingleThreadExecutor(r -> new Thread(r, "herald-outbox"));
    private final Semaphore wake = new Semaphore(0);
    private final Runnable wakeUp = wake::release;
    private volatile boolean stopping;

    @Activate
    public OutboxDispatcher(@Reference Database database, @Reference TransactionalOutbox outbox,
                            @Reference Realtime realtime) {
        this.database = database;
        this.outbox = outbox;
        this.realtime = realtime;
        outbox.onPublish(wakeUp);
        loop.execute(this::run);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(EventListener listener) {
        listeners.add(listener);
    }

    void removeListener(EventListener listener) {
        listeners.remove(listener);
    }

    @Deactivate
    void deactivate() {
        stopping = true;
        outbox.removeWakeUp(wakeUp);
        loop.shutdownNow();
    }

    private void run() {
        while (!stopping) {
            try {
                int dispatched = dispatchBatch();
                if (dispatched == 0) {
                    wake.tryAcquire(250, TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (!stopping) {
                    logger.warn("Outbox dispatch failed, retrying in 1 s: {}", e.getMessage());
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }
    }

    int dispatchBatch() throws SQLException {
        OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
        String order = database.isPostgres() ? " ORDER BY id" : "";
        String select = "SELECT id, workspace_id, type, payload, occurred_at, attempts FROM outbox_event "
                + "WHERE dispatched_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= ?)" + order
                + " LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED";
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Pending> pending = new ArrayList<>();
                try (PreparedStatement statement = connection.prepareStatement(select)) {
                    statement.setObject(1, now);
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            pending.add(new Pending(new DomainEvent(rs.getString(1), rs.getString(2),
                                    rs.getString(3), rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant()),
                                    rs.getInt(6)));
                        }
                    }
                }
                // H2 has no ORDER BY here (see claim in JobRunner); ids are time-ordered, so sort in memory.
                pending.sort(java.util.Comparator.comparing(p -> p.event().id()));
                try (PreparedStatement done = connection.prepareStatement(
                        "UPDATE outbox_event SET dispatched_at = ?, attempts = attempts + 1 WHERE id = ?");
                     PreparedStatement again = connection.prepareStatement("UPDATE outbox_event SET attempts = ?, "
                             + "next_attempt_at = ?, last_error = ? WHERE id = ?")) {
                    for (Pending p : pending) {
                        DomainEvent event = p.event();
                        String error = deliver(event, p.attempts() == 0);
                        int attempt = p.attempts() + 1;
                        if (error == null || attempt >= MAX_ATTEMPTS) {
                            if (error != null) {
                                logger.error("Event {} {} of workspace {} given up after {} attempts: {}",
                                        event.type(), event.id(), event.workspaceId(), attempt, error);
                            }
                            done.setObject(1, now);
                            done.setString(2, event.id());
                            done.addBatch();
                        } else {
                            again.setInt(1, attempt);
                            again.setObject(2, now.plus(Duration.ofSeconds(1L << Math.min(attempt, 10))));
                            again.setString(3, error.length() > 2000 ? error.substring(0, 2000) : error);
                            again.setString(4, event.id());
                            again.addBatch();
                        }
                    }
                    done.executeBatch();
                    again.executeBatch();
                }
                connection.commit();
                return pending.size();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private record Pending(DomainEvent event, int attempts) {
    }

    /** @return null when every listener took the event, else the first failure */
    private String deliver(DomainEvent event, boolean firstAttempt) {
        if (firstAttempt && event.workspaceId() != null) {
            realtime.broadcast(event);
        }
        String error = null;
        for (EventListener listener : listeners) {
            if (!wants(listener.types(), event.type())) {
                continue;
            }
            try {
                listener.onEvent(event);
            } catch (Exception e) {
                logger.warn("Listener {} failed on event {} {} of workspace {}: {}",
                        listener.getClass().getName(), event.type(), event.id(), event.workspaceId(), e.toString());
                if (error == null) {
                    error = listener.getClass().getName() + ": " + e;
                }
            }
        }
        return error;
    }

    static boolean wants(Set<String> types, String type) {
        if (types.isEmpty()) {
            return true;
        }
        for (String wanted : types) {
            if (wanted.equals(type) || (wanted.endsWith(".") && type.startsWith(wanted))) {
                return true;
            }
        }
        return false;
    }
}
