package io.herald.platform.internal.http;

import io.herald.platform.api.Caller;
import io.herald.platform.api.Database;
import io.herald.platform.api.Json;
import io.herald.platform.api.Problem;
import io.herald.platform.internal.store.PlatformSchema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.annotation.Priority;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Honours {@code Idempotency-Key} on POST: the first request with a key runs and its response is kept for
 * 24 hours; a retry with the same key and body gets that response again (marked {@code Idempotent-Replayed}),
 * the same key with another body is refused with 422, and a retry while the first is still running gets 409.
 * Keys are scoped to the caller and path, so two clients cannot collide. Server errors are not kept, so a
 * client may retry them.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class})
@JaxrsExtension
@Priority(1500)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final String RECORD = "io.herald.idempotency.record";
    private static final Duration KEEP = Duration.ofHours(24);

    private final Logger logger = LoggerFactory.getLogger(IdempotencyFilter.class);
    private final Database database;
    private final Json json;
    private final ScheduledExecutorService cleaner =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "herald-idempotency-cleaner"));

    @Activate
    public IdempotencyFilter(@Reference Database database, @Reference Json json, @Reference PlatformSchema schema) {
        this.database = database;
        this.json = json;
        cleaner.scheduleWithFixedDelay(this::forgetOld, 1, 60, TimeUnit.MINUTES);
    }

    @Deactivate
    void deactivate() {
        cleaner.shutdownNow();
    }

    private record Key(String scope, String key) {
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !HttpMethod.POST.equals(request.getMethod())) {
            return;
        }
        if (key.isBlank() || key.length() > 200) {
            throw Problem.badRequest(HEADER, "Idempotency-Key must be 1 to 200 characters");
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        Object caller = request.getProperty(Caller.PROPERTY);
        String principal = caller instanceof Caller c ? c.principalId() : "anonymous";
        Key id = new Key(principal + " " + request.getUriInfo().getPath(), key);
        String hash = hash(body);
        try (Connection connection = database.dataSource().getConnection()) {
            try (PreparedStatement select = connection.prepareStatement("SELECT request_hash, status, content_type, "
                    + "response FROM idempotency_record WHERE scope = ? AND idem_key = ?")) {
                select.setString(1, id.scope());
                select.setString(2, id.key());
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        request.abortWith(replay(rs, hash));
                        return;
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO idempotency_record "
                    + "(scope, idem_key, request_hash, created_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, id.scope());
                insert.setString(2, id.key());
                insert.setString(3, hash);
                insert.setObject(4, Instant.now().atOffset(ZoneOffset.UTC));
                insert.executeUpdate();
            }
        } catch (SQLIntegrityConstraintViolationException e) {
            throw inProgress();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw inProgress();
            }
            throw new IllegalStateException("idempotency record unavailable", e);
        }
        request.setProperty(RECORD, id);
    }

    private static Problem inProgress() {
        return Problem.conflict(HEADER, "a request with this Idempotency-Key is still being processed");
    }

    private Response replay(ResultSet rs, String hash) throws SQLException {
        if (!rs.getString(1).equals(hash)) {
            throw Problem.unprocessable(HEADER, "this Idempotency-Key was used with a different request body");
        }
        int status = rs.getInt(2);
        if (rs.wasNull()) {
            throw inProgress();
        }
        String contentType = rs.getString(3);
        String response = rs.getString(4);
        Response.ResponseBuilder builder = Response.status(status).header("Idempotent-Replayed", "true");
        if (response != null) {
            builder.entity(response).type(contentType == null ? MediaType.APPLICATION_JSON : contentType);
        }
        return builder.build();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(RECORD) instanceof Key id)) {
            return;
        }
        int status = response.getStatus();
        try (Connection connection = database.dataSource().getConnection()) {
            if (status >= 500 || status == 429 || status == 409) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM idempotency_record WHERE scope = ? AND idem_key = ?")) {
                    delete.setString(1, id.scope());
                    delete.setString(2, id.key());
                    delete.executeUpdate();
                }
                return;
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE idempotency_record SET status = ?, "
                    + "content_type = ?, response = ? WHERE scope = ? AND idem_key = ?")) {
                Object entity = response.getEntity();
                update.setInt(1, status);
                update.setString(2, response.getMediaType() == null ? null : response.getMediaType().toString());
                update.setString(3, entity == null ? null : entity instanceof String s ? s : json.write(entity));
                update.setString(4, id.scope());
                update.setString(5, id.key());
                update.executeUpdate();
            }
        } catch (SQLException e) {
            logger.warn("Could not keep the response for Idempotency-Key {}: {}", id.key(), e.getMessage());
        }
    }

    private void forgetOld() {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM idempotency_record WHERE created_at < ?")) {
            delete.setObject(1, Instant.now().minus(KEEP).atOffset(ZoneOffset.UTC));
            int removed = delete.executeUpdate();
            if (removed > 0) {
                logger.debug("Forgot {} idempotency records older than {}", removed, KEEP);
            }
        } catch (SQLException e) {
            logger.warn("Could not forget old idempotency records: {}", e.getMessage());
        }
    }

    static String hash(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
