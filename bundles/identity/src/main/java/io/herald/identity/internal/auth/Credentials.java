package io.herald.identity.internal.auth;

import io.herald.identity.internal.IdentitySchema;
import io.herald.platform.api.Database;
import io.herald.platform.api.Role;
import io.herald.platform.api.TenantScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a presented credential into who is calling. On every request, so it is plain JDBC with one indexed
 * query per lookup and no JPA.
 */
@Component(service = Credentials.class)
public class Credentials {

    public record SessionPrincipal(String sessionId, String userId, boolean operator, String csrfToken) {
    }

    public record KeyPrincipal(String keyId, String workspaceId, Set<String> scopes) {
    }

    private static final String SESSION = "SELECT s.id, s.user_id, u.operator, s.csrf_token FROM auth_session s "
            + "JOIN app_user u ON u.id = s.user_id WHERE s.token_hash = ? AND s.revoked_at IS NULL "
            + "AND s.expires_at > ? AND u.disabled_at IS NULL";
    private static final String KEY = "SELECT k.id, k.workspace_id, k.secret_hash, k.scopes FROM api_key k "
            + "JOIN workspace w ON w.id = k.workspace_id WHERE k.prefix = ? AND k.revoked_at IS NULL "
            + "AND w.deleted_at IS NULL";
    private static final String MEMBERSHIP = "SELECT m.role FROM membership m JOIN workspace w ON w.id = m.workspace_id "
            + "WHERE m.workspace_id = ? AND m.user_id = ? AND w.deleted_at IS NULL";

    private final Logger logger = LoggerFactory.getLogger(Credentials.class);
    private final Database database;
    private final TenantScope tenants;
    private final Map<String, Long> keyUseRecorded = new ConcurrentHashMap<>();

    @Activate
    public Credentials(@Reference Database database, @Reference TenantScope tenants, @Reference IdentitySchema schema) {
        this.database = database;
        this.tenants = tenants;
    }

    public Optional<SessionPrincipal> session(String token) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(SESSION)) {
            select.setString(1, Tokens.sha256(token));
            select.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
            try (ResultSet rs = select.executeQuery()) {
                return rs.next()
                        ? Optional.of(new SessionPrincipal(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                        rs.getString(4)))
                        : Optional.empty();
            }
        }
    }

    public Optional<KeyPrincipal> apiKey(String token) throws SQLException {
        Tokens.ApiKeySecret presented = Tokens.parseApiKey(token);
        if (presented == null) {
            return Optional.empty();
        }
        try (Connection connection = database.dataSource().getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                // The key's workspace is not known yet: look across workspaces (row-level security's '*').
                tenants.enter(connection, TenantScope.SYSTEM);
                try (PreparedStatement select = connection.prepareStatement(KEY)) {
                    select.setString(1, presented.prefix());
                    try (ResultSet rs = select.executeQuery()) {
                        if (!rs.next() || !Tokens.sameHash(rs.getString(3), Tokens.sha256(presented.secret()))) {
                            return Optional.empty();
                        }
                        KeyPrincipal key = new KeyPrincipal(rs.getString(1), rs.getString(2),
                                Set.of(rs.getString(4).split(" ")));
                        recordUse(connection, key);
                        return Optional.of(key);
                    }
                }
            } finally {
                connection.commit();
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** The user's role in the workspace, empty when not a member or the workspace is gone. */
    public Optional<Role> role(String workspaceId, String userId) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(MEMBERSHIP)) {
            select.setString(1, workspaceId);
            select.setString(2, userId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(Role.parse(rs.getString(1))) : Optional.empty();
            }
        }
    }

    /** "Last used" is shown to admins; once a minute per key is precise enough and spares a write per call. */
    private void recordUse(Connection connection, KeyPrincipal key) {
        long now = System.currentTimeMillis();
        Long last = keyUseRecorded.get(key.keyId());
        if (last != null && now - last < 60_000) {
            return;
        }
        keyUseRecorded.put(key.keyId(), now);
        try (PreparedStatement update = connection.prepareStatement("UPDATE api_key SET last_used_at = ? WHERE id = ?")) {
            update.setObject(1, Instant.ofEpochMilli(now).atOffset(ZoneOffset.UTC));
            update.setString(2, key.keyId());
            update.executeUpdate();
        } catch (SQLException e) {
            logger.debug("Could not record use of API key {}: {}", key.keyId(), e.getMessage());
        }
    }
}
