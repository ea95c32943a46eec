package io.herald.platform.internal.jobs;

import io.herald.platform.api.Job;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Column list and row mapping of the {@code job} table, shared by the queue and the runner. */
final class JobRows {

    static final String COLUMNS = "id, workspace_id, type, state, payload, progress, attempts, max_attempts, "
            + "last_error, run_at, created_at, finished_at";

    private JobRows() {
    }

    static Job read(ResultSet rs) throws SQLException {
        return new Job(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getString(9), instant(rs, 10), instant(rs, 11),
                instant(rs, 12));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant);
    }
}
