package io.herald.platform.internal.jobs;

import io.herald.platform.api.Database;
import io.herald.platform.api.Job;
import io.herald.platform.api.JobContext;
import io.herald.platform.api.JobHandler;
import io.herald.platform.api.RetryLater;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims due jobs whose handler is present with {@code FOR UPDATE SKIP LOCKED}, runs them on a bounded pool
 * under a renewable lease, and records the outcome. A job whose handler is absent (its plugin is being
 * redeployed) simply waits; a job whose node died is claimed again once its lease runs out.
 */
@Component(service = JobRunner.class, immediate = true, configurationPid = "io.herald.jobs")
@Designate(ocd = JobRunner.Config.class)
public class JobRunner {

    @ObjectClassDefinition(name = "Herald durable jobs")
    public @interface Config {
        @AttributeDefinition(description = "Jobs run at once on this node")
        int threads() default 4;

        @AttributeDefinition(description = "Seconds a claimed job stays this node's without renewal")
        int leaseSeconds() default 60;

        @AttributeDefinition(description = "Milliseconds between polls when the queue is idle")
        int pollMillis() default 250;
    }

    private final Logger logger = LoggerFactory.getLogger(JobRunner.class);
    private final Database database;
    private final DurableJobs jobs;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, JobHandler> handlers = new ConcurrentHashMap<>();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final String node;
    private final int threads;
    private final Duration lease;
    private final long pollMillis;
    private final ExecutorService workers;
    private final ExecutorService poller;
    private final Semaphore wake = new Semaphore(0);
    private final Semaphore slots;
    private final Runnable wakeUp = wake::release;
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean stopping;
    private volatile long lastRenewal;

    @Activate
    public JobRunner(@Reference Database database, @Reference DurableJobs jobs, Config config) throws Exception {
        this.database = database;
        this.jobs = jobs;
        this.threads = Math.max(1, config.threads());
        this.lease = Duration.ofSeconds(Math.max(5, config.leaseSeconds()));
        this.pollMillis = Math.max(10, config.pollMillis());
        this.slots = new Semaphore(threads);
        this.node = InetAddress.getLocalHost().getHostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, r -> new Thread(r, "herald-job-" + n.incrementAndGet()));
        this.poller = Executors.newSingleThreadExecutor(r -> new Thread(r, "herald-job-poller"));
        jobs.onEnqueue(wakeUp);
        poller.execute(this::pollLoop);
        logger.info("Job runner {} started with {} threads", node, threads);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addHandler(JobHandler handler) {
        handlers.put(handler.type(), handler);
        wake.release();
    }

    void removeHandler(JobHandler handler) {
        handlers.remove(handler.type(), handler);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        stopping = true;
        jobs.removeWakeUp(wakeUp);
        wake.release();
        poller.shutdownNow();
        workers.shutdown();
        if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
            workers.shutdownNow();
        }
        releaseUnfinished();
        logger.info("Job runner {} stopped ({} succeeded, {} failed since start)", node, succeeded.get(), failed.get());
    }

    public String node() {
        return node;
    }

    public long succeededCount() {
        return succeeded.get();
    }

    public long failedCount() {
        return failed.get();
    }

    public int runningCount() {
        return running.size();
    }

    private void pollLoop() {
        while (!stopping) {
            try {
                renewLeasesIfDue();
                int free = slots.availablePermits();
                List<Job> claimed = free == 0 || handlers.isEmpty() ? List.of() : claim(free);
                for (Job job : claimed) {
                    slots.acquire();
                    running.add(job.id());
                    workers.execute(() -> run(job));
                }
                if (claimed.isEmpty()) {
                    wake.tryAcquire(pollMillis, TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!stopping) {
                    logger.warn("Job poll failed, retrying in 1 s: {}", e.getMessage());
                    sleepQuietly(1000);
                }
            }
        }
    }

    List<Job> claim(int limit) throws SQLException {
        List<String> types = new ArrayList<>(handlers.keySet());
        String placeholders = String.join(",", types.stream().map(t -> "?").toList());
        // H2 sorts and limits before it skips locked rows, so only PostgreSQL gets the ORDER BY (see STACK.md).
        String order = database.isPostgres() ? " ORDER BY run_at" : "";
        String select = "SELECT id, state, attempts, max_attempts, locked_by FROM job WHERE type IN (" + placeholders
                + ") AND ((state = 'queued' AND run_at <= ?) OR (state = 'running' AND lease_until < ?))" + order
                + " LIMIT ? FOR UPDATE SKIP LOCKED";
        Instant now = clock.instant();
        List<Job> claimed = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<String> ids = new ArrayList<>();
                List<String> exhausted = new ArrayList<>();
                List<String> exhaustedReasons = new ArrayList<>();
                try (PreparedStatement statement = connection.prepareStatement(select)) {
                    int i = 1;
                    for (String type : types) {
                        statement.setString(i++, type);
                    }
                    statement.setObject(i++, JobRows.utc(now));
                    statement.setObject(i++, JobRows.utc(now));
                    statement.setInt(i, limit);
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            // A node died (or stalled) running it on its last attempt: that run counted, and the
                            // job may be what kills nodes, so it fails instead of running beyond maxAttempts.
                            if ("running".equals(rs.getString(2)) && rs.getInt(3) >= rs.getInt(4)) {
                                exhausted.add(rs.getString(1));
                                exhaustedReasons.add("lease expired: node " + rs.getString(5) + " stopped while "
                                        + "running attempt " + rs.getInt(3) + " of " + rs.getInt(4));
                            } else {
                                ids.add(rs.getString(1));
                            }
                        }
                    }
                }
                if (!exhausted.isEmpty()) {
                    try (PreparedStatement fail = connection.prepareStatement("UPDATE job SET state = 'failed', "
                            + "last_error = ?, finished_at = ?, lease_until = NULL, locked_by = NULL WHERE id = ?")) {
                        for (int i = 0; i < exhausted.size(); i++) {
                            fail.setString(1, truncate(exhaustedReasons.get(i)));
                            fail.setObject(2, JobRows.utc(now));
                            fail.setString(3, exhausted.get(i));
                            fail.addBatch();
                            logger.warn("Job {} failed for good: {}", exhausted.get(i), exhaustedReasons.get(i));
                        }
                        fail.executeBatch();
                    }
                    failed.addAndGet(exhausted.size());
                }
                if (!ids.isEmpty()) {
                    try (PreparedStatement update = connection.prepareStatement("UPDATE job SET state = 'running', "
                            + "attempts = attempts + 1, lease_until = ?, locked_by = ? WHERE id = ?")) {
                        for (String id : ids) {
                            update.setObject(1, JobRows.utc(now.plus(lease)));
                            update.setString(2, node);
                            update.setString(3, id);
                            update.addBatch();
                        }
                        update.executeBatch();
                    }
                    String read = "SELECT " + JobRows.COLUMNS + " FROM job WHERE id IN ("
                            + String.join(",", ids.stream().map(id -> "?").toList()) + ")";
                    try (PreparedStatement statement = connection.prepareStatement(read)) {
                        for (int i = 0; i < ids.size(); i++) {
                            statement.setString(i + 1, ids.get(i));
                        }
                        try (ResultSet rs = statement.executeQuery()) {
                            while (rs.next()) {
                                claimed.add(JobRows.read(rs));
                            }
                        }
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
        return claimed;
    }

    private void run(Job job) {
        try {
            JobHandler handler = handlers.get(job.type());
            if (handler == null) {
                release(job, "handler for " + job.type() + " went away");
                return;
            }
            long started = System.nanoTime();
            try {
                handler.handle(new RunningJob(job));
                finish(job, "succeeded", null, null);
                succeeded.incrementAndGet();
                logger.debug("Job {} {} of workspace {} succeeded in {} ms", job.type(), job.id(), job.workspaceId(),
                        (System.nanoTime() - started) / 1_000_000);
            } catch (RetryLater later) {
                if (later.consumesAttempt() && job.attempts() >= job.maxAttempts()) {
                    finish(job, "failed", later.getMessage(), null);
                    failed.incrementAndGet();
                } else {
                    retry(job, later.getMessage(), later.delay(), later.consumesAttempt());
                }
            } catch (Throwable e) {
                String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
                if (job.attempts() >= job.maxAttempts()) {
                    finish(job, "failed", reason, null);
                    failed.incrementAndGet();
                    logger.warn("Job {} {} of workspace {} failed for good after {} attempts: {}", job.type(),
                            job.id(), job.workspaceId(), job.attempts(), reason, e);
                } else {
                    Duration delay = backoff(job.attempts());
                    retry(job, reason, delay, true);
                    logger.info("Job {} {} of workspace {} attempt {} failed, retrying in {} s: {}", job.type(),
                            job.id(), job.workspaceId(), job.attempts(), delay.toSeconds(), reason);
                }
            }
        } catch (Exception e) {
            logger.error("Could not record the outcome of job {}; its lease will expire and it will run again",
                    job.id(), e);
        } finally {
            running.remove(job.id());
            slots.release();
            wake.release();
        }
    }

    /** Exponential backoff with full jitter: 2^attempt seconds, capped at an hour. */
    public static Duration backoff(int attempt) {
        long ceiling = Math.min(3600, 1L << Math.min(attempt, 12));
        return Duration.ofMillis(1000 + ThreadLocalRandom.current().nextLong(ceiling * 1000));
    }

    private void finish(Job job, String state, String error, String progress) throws SQLException {
        update("UPDATE job SET state = ?, last_error = ?, finished_at = ?, lease_until = NULL, locked_by = NULL "
                + "WHERE id = ? AND locked_by = ?", state, truncate(error), JobRows.utc(clock.instant()), job.id(), node);
    }

    private void retry(Job job, String reason, Duration delay, boolean countsAsAttempt) throws SQLException {
        String attempts = countsAsAttempt ? "attempts" : "attempts - 1";
        update("UPDATE job SET state = 'queued', attempts = " + attempts + ", last_error = ?, run_at = ?, "
                + "lease_until = NULL, locked_by = NULL WHERE id = ? AND locked_by = ?",
                truncate(reason), JobRows.utc(clock.instant().plus(delay)), job.id(), node);
    }

    private void release(Job job, String reason) throws SQLException {
        retry(job, reason, Duration.ZERO, false);
    }

    private void releaseUnfinished() {
        try {
            update("UPDATE job SET state = 'queued', attempts = attempts - 1, lease_until = NULL, locked_by = NULL "
                    + "WHERE locked_by = ? AND state = 'running'", node);
        } catch (SQLException e) {
            logger.warn("Could not release this node's unfinished jobs; they resume when their lease expires", e);
        }
    }

    private void renewLeasesIfDue() throws SQLException {
        long now = System.currentTimeMillis();
        if (running.isEmpty() || now - lastRenewal < lease.toMillis() / 3) {
            return;
        }
        lastRenewal = now;
        update("UPDATE job SET lease_until = ? WHERE locked_by = ? AND state = 'running'",
                JobRows.utc(clock.instant().plus(lease)), node);
    }

    private int update(String sql, Object... values) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement.executeUpdate();
        }
    }

    private static String truncate(String value) {
        return value == null || value.length() <= 2000 ? value : value.substring(0, 2000);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class RunningJob implements JobContext {
        private final Job job;

        RunningJob(Job job) {
            this.job = job;
        }

        @Override
        public Job job() {
            return job;
        }

        @Override
        public void progress(String json) {
            try {
                int updated = update("UPDATE job SET progress = ?, lease_until = ? WHERE id = ? AND locked_by = ?",
                        json, JobRows.utc(clock.instant().plus(lease)), job.id(), node);
                if (updated == 0) {
                    throw new IllegalStateException("job " + job.id() + " is no longer held by this node");
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not record progress of job " + job.id(), e);
            }
        }
    }
}
