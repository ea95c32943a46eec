package io.herald.platform.internal.jobs;

import io.herald.platform.api.Database;
import io.herald.platform.api.Ids;
import io.herald.platform.api.Job;
import io.herald.platform.api.JobRequest;
import io.herald.platform.api.Jobs;
import io.herald.platform.internal.store.NativeSql;
import io.herald.platform.internal.store.PlatformSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.persistence.EntityManager;
import javax.persistence.Query;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Writes and reads job rows; {@link JobRunner} claims and runs them. */
@Component(service = {Jobs.class, DurableJobs.class})
public class DurableJobs implements Jobs {

    private static final String INSERT = "INSERT INTO job (id, workspace_id, type, state, payload, attempts, "
            + "max_attempts, dedupe_key, run_at, created_at) VALUES (?, ?, ?, 'queued', ?, 0, ?, ?, ?, ?)";
    /**
     * With a dedupe key, a duplicate is skipped instead of failing: a unique violation would abort the caller's
     * whole transaction on PostgreSQL. Works the same on H2 in PostgreSQL mode.
     */
    private static final String INSERT_UNLESS_DUPLICATE = INSERT + " ON CONFLICT DO NOTHING";
    private static final String EXISTING = "SELECT id, workspace_id FROM job WHERE type = ? AND dedupe_key = ?";

    private final Database database;
    private final Clock clock = Clock.systemUTC();
    private final CopyOnWriteArrayList<Runnable> wakeUps = new CopyOnWriteArrayList<>();

    @Activate
    public DurableJobs(@Reference Database database, @Reference PlatformSchema schema) {
        this.database = database;
    }

    @Override
    public String enqueue(EntityManager em, JobRequest request) {
        validate(request);
        String id = Ids.newId();
        Instant now = clock.instant();
        Query insert = em.createNativeQuery(NativeSql.numbered(insertFor(request)));
        Object[] values = values(id, request, now);
        for (int i = 0; i < values.length; i++) {
            insert.setParameter(i + 1, values[i]);
        }
        if (insert.executeUpdate() == 0) {
            List<?> rows = em.createNativeQuery(NativeSql.numbered(EXISTING))
                    .setParameter(1, request.type())
                    .setParameter(2, request.dedupeKey())
                    .getResultList();
            if (rows.isEmpty()) {
                throw new IllegalStateException("job " + request.type() + " was neither created nor found");
            }
            Object[] row = (Object[]) rows.get(0);
            return existing(request, (String) row[0], (String) row[1]);
        }
        wakeUp();
        return id;
    }

    @Override
    public String enqueue(JobRequest request) {
        try (Connection connection = database.dataSource().getConnection()) {
            return enqueue(connection, request);
        } catch (SQLException e) {
            throw new IllegalStateException("could not enqueue job " + request.type(), e);
        }
    }

    /** Enqueues on the caller's JDBC connection, inside whatever transaction it has open. */
    public String enqueue(Connection connection, JobRequest request) throws SQLException {
        validate(request);
        String id = Ids.newId();
        try (PreparedStatement insert = connection.prepareStatement(insertFor(request))) {
            Object[] values = values(id, request, clock.instant());
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            if (insert.executeUpdate() == 0) {
                try (PreparedStatement select = connection.prepareStatement(EXISTING)) {
                    select.setString(1, request.type());
                    select.setString(2, request.dedupeKey());
                    try (ResultSet rs = select.executeQuery()) {
                        if (!rs.next()) {
                            throw new IllegalStateException("job " + request.type() + " was neither created nor found");
                        }
                        return existing(request, rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        wakeUp();
        return id;
    }

    private static String insertFor(JobRequest request) {
        return request.dedupeKey() == null ? INSERT : INSERT_UNLESS_DUPLICATE;
    }

    /** The job a dedupe key already names, unless it is another workspace's: that id is never handed out. */
    private static String existing(JobRequest request, String id, String workspaceId) {
        if (!Objects.equals(workspaceId, request.workspaceId())) {
            throw new IllegalStateException("dedupe key of job " + request.type() + " is already used by another "
                    + "workspace; include the workspace in the key");
        }
        return id;
    }

    private static Object[] values(String id, JobRequest request, Instant now) {
        Instant runAt = request.runAt() == null ? now : request.runAt();
        return new Object[] {id, request.workspaceId(), request.type(), request.payload(),
            request.maxAttempts() < 1 ? 1 : request.maxAttempts(), request.dedupeKey(), JobRows.utc(runAt),
            JobRows.utc(now)};
    }

    private static void validate(JobRequest request) {
        if (request.type() == null || request.type().isBlank()) {
            throw new IllegalArgumentException("a job needs a type");
        }
    }

    @Override
    public Optional<Job> find(String workspaceId, String jobId) {
        if (!Ids.isValid(jobId)) {
            return Optional.empty();
        }
        String sql = "SELECT " + JobRows.COLUMNS + " FROM job WHERE id = ? AND workspace_id = ?";
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, jobId);
            select.setString(2, workspaceId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(JobRows.read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read job " + jobId, e);
        }
    }

    void onEnqueue(Runnable wakeUp) {
        wakeUps.add(wakeUp);
    }

    void removeWakeUp(Runnable wakeUp) {
        wakeUps.remove(wakeUp);
    }

    private void wakeUp() {
        wakeUps.forEach(Runnable::run);
    }
}
