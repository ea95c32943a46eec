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
        Query insert = em.createNativeQuery(NativeSql.numbered(INSERT));
        Object[] values = values(id, request, now);
        for (int i = 0; i < values.length; i++) {
            insert.setParameter(i + 1, values[i]);
        }
        insert.executeUpdate();
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
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            Object[] values = values(id, request, clock.instant());
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.executeUpdate();
        }
        wakeUp();
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
