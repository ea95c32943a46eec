package io.herald.platform.internal.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.herald.platform.api.Database;
import io.herald.platform.api.Ids;
import io.herald.platform.api.JobRequest;
import io.herald.platform.api.Json;
import io.herald.platform.api.TenantScope;
import io.herald.platform.internal.events.TransactionalOutbox;
import io.herald.platform.internal.jobs.DurableJobs;
import io.herald.platform.internal.store.PlatformSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Outbound messages and their delivery events, in plain JDBC because sending is the hot path. Every statement
 * names the workspace, and each transaction enters it, so PostgreSQL's row-level security checks it too.
 */
@Component(service = MessageStore.class)
public class MessageStore {

    public static final String SEND_JOB = "message.send";
    static final int MAX_ATTEMPTS = 12;

    /** A message as the sender needs it. */
    public record Stored(String id, String workspaceId, String connectionId, String pluginId, String state,
                         String idempotencyKey, MessageContent content) {
    }

    private static final String COLUMNS = "id, workspace_id, connection_id, plugin_id, state, idempotency_key, content, "
            + "provider_message_id, attempts, last_error, created_at, sent_at";

    private final Database database;
    private final TenantScope tenants;
    private final DurableJobs jobs;
    private final TransactionalOutbox outbox;
    private final Json json;

    @Activate
    public MessageStore(@Reference Database database, @Reference TenantScope tenants, @Reference DurableJobs jobs,
                        @Reference TransactionalOutbox outbox, @Reference Json json, @Reference PlatformSchema schema) {
        this.database = database;
        this.tenants = tenants;
        this.jobs = jobs;
        this.outbox = outbox;
        this.json = json;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one transaction entered into {@code workspaceId}. */
    <T> T inTransaction(String workspaceId, Work<T> work) {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                tenants.enter(connection, workspaceId);
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("message store unavailable: " + e.getMessage(), e);
        }
    }

    /** Records the message and the job that sends it, together: from here on it cannot be lost. */
    public String accept(String workspaceId, String connectionId, String pluginId, MessageContent content) {
        String id = Ids.newId();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return inTransaction(workspaceId, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outbound_message (id, "
                    + "workspace_id, connection_id, plugin_id, state, idempotency_key, content, attempts, created_at, "
                    + "updated_at) VALUES (?, ?, ?, ?, 'queued', ?, ?, 0, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, workspaceId);
                insert.setString(3, connectionId);
                insert.setString(4, pluginId);
                insert.setString(5, "herald-" + id);
                insert.setString(6, json.write(content));
                insert.setObject(7, now);
                insert.setObject(8, now);
                insert.executeUpdate();
            }
            jobs.enqueue(connection, new JobRequest(workspaceId, SEND_JOB, json.write(Map.of("workspaceId",
                    workspaceId, "messageId", id)), null, MAX_ATTEMPTS, id));
            return id;
        });
    }

    public Optional<Stored> load(String workspaceId, String messageId) {
        return inTransaction(workspaceId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT id, workspace_id, connection_id, "
                    + "plugin_id, state, idempotency_key, content FROM outbound_message WHERE id = ? AND workspace_id = ?")) {
                select.setString(1, messageId);
                select.setString(2, workspaceId);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), content(rs.getString(7))));
                }
            }
        });
    }

    public void markSending(Stored message) {
        inTransaction(message.workspaceId(), connection -> update(connection, "UPDATE outbound_message SET state = "
                + "'sending', attempts = attempts + 1, updated_at = ? WHERE id = ? AND workspace_id = ?",
                now(), message.id(), message.workspaceId()));
    }

    public void markSent(Stored message, String providerMessageId) {
        inTransaction(message.workspaceId(), connection -> {
            update(connection, "UPDATE outbound_message SET state = 'sent', provider_message_id = ?, last_error = NULL, "
                    + "sent_at = ?, updated_at = ? WHERE id = ? AND workspace_id = ?", providerMessageId, now(), now(),
                    message.id(), message.workspaceId());
            event(connection, message.workspaceId(), message.connectionId(), message.id(), null, "sent", null, null);
            outbox.publish(connection, message.workspaceId(), "message.sent", Map.of("messageId", message.id(),
                    "connectionId", message.connectionId()));
            return null;
        });
    }

    public void markFailed(Stored message, String reason) {
        inTransaction(message.workspaceId(), connection -> {
            update(connection, "UPDATE outbound_message SET state = 'failed', last_error = ?, updated_at = ? "
                    + "WHERE id = ? AND workspace_id = ?", truncate(reason), now(), message.id(), message.workspaceId());
            event(connection, message.workspaceId(), message.connectionId(), message.id(), null, "failed", null,
                    reason);
            outbox.publish(connection, message.workspaceId(), "message.failed", Map.of("messageId", message.id(),
                    "reason", truncate(reason)));
            return null;
        });
    }

    public void recordError(Stored message, String reason) {
        inTransaction(message.workspaceId(), connection -> update(connection, "UPDATE outbound_message SET state = "
                + "'queued', last_error = ?, updated_at = ? WHERE id = ? AND workspace_id = ?", truncate(reason), now(),
                message.id(), message.workspaceId()));
    }

    /**
     * Stores a provider's report once per provider event id and ties it to the message the provider id names.
     *
     * @return false when the event was seen before
     */
    public boolean report(String workspaceId, String connectionId, String providerEventId, String providerMessageId,
                          String status, String recipient, String detail, Instant occurredAt) {
        return inTransaction(workspaceId, connection -> {
            if (providerEventId != null) {
                try (PreparedStatement seen = connection.prepareStatement("SELECT 1 FROM delivery_event WHERE "
                        + "connection_id = ? AND provider_event_id = ? AND workspace_id = ?")) {
                    seen.setString(1, connectionId);
                    seen.setString(2, providerEventId);
                    seen.setString(3, workspaceId);
                    try (ResultSet rs = seen.executeQuery()) {
                        if (rs.next()) {
                            return false;
                        }
                    }
                }
            }
            String messageId = null;
            if (providerMessageId != null) {
                try (PreparedStatement find = connection.prepareStatement("SELECT id FROM outbound_message WHERE "
                        + "connection_id = ? AND provider_message_id = ? AND workspace_id = ?")) {
                    find.setString(1, connectionId);
                    find.setString(2, providerMessageId);
                    find.setString(3, workspaceId);
                    try (ResultSet rs = find.executeQuery()) {
                        messageId = rs.next() ? rs.getString(1) : null;
                    }
                }
            }
            event(connection, workspaceId, connectionId, messageId, providerEventId, status, recipient, detail,
                    occurredAt == null ? now() : occurredAt.atOffset(ZoneOffset.UTC));
            outbox.publish(connection, workspaceId, "message." + status, Map.of("messageId",
                    messageId == null ? "" : messageId, "recipient", recipient == null ? "" : recipient,
                    "connectionId", connectionId));
            return true;
        });
    }

    public Optional<MessageView> view(String workspaceId, String messageId) {
        if (!Ids.isValid(messageId)) {
            return Optional.empty();
        }
        return inTransaction(workspaceId, connection -> {
            MessageView message;
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM outbound_message WHERE id = ? AND workspace_id = ?")) {
                select.setString(1, messageId);
                select.setString(2, workspaceId);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    message = new MessageView(rs.getString(1), rs.getString(3), rs.getString(4), rs.getString(5),
                            content(rs.getString(7)), rs.getString(8), rs.getInt(9), rs.getString(10),
                            instant(rs, 11), instant(rs, 12), List.of());
                }
            }
            List<MessageView.Event> events = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, status, recipient, detail, "
                    + "occurred_at FROM delivery_event WHERE message_id = ? AND workspace_id = ? ORDER BY id")) {
                select.setString(1, messageId);
                select.setString(2, workspaceId);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        events.add(new MessageView.Event(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), instant(rs, 5)));
                    }
                }
            }
            return Optional.of(new MessageView(message.id(), message.connectionId(), message.plugin(), message.state(),
                    message.content(), message.providerMessageId(), message.attempts(), message.lastError(),
                    message.createdAt(), message.sentAt(), events));
        });
    }

    /** Messages sent through one connection, newest first: the sandbox channel's outbox. */
    public List<MessageView> byConnection(String workspaceId, String connectionId, String before, int limit) {
        return inTransaction(workspaceId, connection -> {
            List<MessageView> messages = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM outbound_message "
                    + "WHERE connection_id = ? AND workspace_id = ?" + (before != null ? " AND id < ?" : "")
                    + " ORDER BY id DESC LIMIT ?")) {
                int i = 1;
                select.setString(i++, connectionId);
                select.setString(i++, workspaceId);
                if (before != null) {
                    select.setString(i++, before);
                }
                select.setInt(i, limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        messages.add(new MessageView(rs.getString(1), rs.getString(3), rs.getString(4), rs.getString(5),
                                content(rs.getString(7)), rs.getString(8), rs.getInt(9), rs.getString(10),
                                instant(rs, 11), instant(rs, 12), List.of()));
                    }
                }
            }
            return messages;
        });
    }

    private void event(Connection connection, String workspaceId, String connectionId, String messageId,
                       String providerEventId, String status, String recipient, String detail) throws SQLException {
        event(connection, workspaceId, connectionId, messageId, providerEventId, status, recipient, detail, now());
    }

    private void event(Connection connection, String workspaceId, String connectionId, String messageId,
                       String providerEventId, String status, String recipient, String detail, OffsetDateTime at)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO delivery_event (id, workspace_id, "
                + "connection_id, message_id, provider_event_id, status, recipient, detail, occurred_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, Ids.newId());
            insert.setString(2, workspaceId);
            insert.setString(3, connectionId);
            insert.setString(4, messageId);
            insert.setString(5, providerEventId);
            insert.setString(6, status);
            insert.setString(7, recipient);
            insert.setString(8, truncate(detail));
            insert.setObject(9, at);
            insert.executeUpdate();
        }
    }

    private static int update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement.executeUpdate();
        }
    }

    private MessageContent content(String text) {
        try {
            return json.mapper().readValue(text, MessageContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable message content", e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String truncate(String value) {
        return value == null || value.length() <= 2000 ? value : value.substring(0, 2000);
    }
}
