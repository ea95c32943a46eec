package io.herald.platform.internal.jobs;

import static io.herald.platform.testing.Await.pause;
import static io.herald.platform.testing.Await.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.platform.api.Ids;
import io.herald.platform.api.Job;
import io.herald.platform.api.JobHandler;
import io.herald.platform.api.JobRequest;
import io.herald.platform.api.RetryLater;
import io.herald.platform.internal.jobs.JobsTestSupport.RecordingHandler;
import io.herald.platform.testing.ComponentsTest;
import io.herald.platform.testing.JdbcTransaction;
import io.herald.platform.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Durable jobs on a real database (H2, and PostgreSQL when configured), run by real {@link JobRunner}s. */
class DurableJobsTest extends ComponentsTest {

    private static final int POLL_MILLIS = 20;
    /** Several poll intervals: long enough to see that a runner did NOT pick something up. */
    private static final long QUIET_MILLIS = 8 * POLL_MILLIS;

    private final String workspace = Ids.newId();

    private DurableJobs jobs(TestDatabase database) {
        return new DurableJobs(database, null);
    }

    private JobRunner runner(TestDatabase database, DurableJobs jobs, JobHandler... handlers) throws Exception {
        return runner(4, database, jobs, handlers);
    }

    private JobRunner runner(int threads, TestDatabase database, DurableJobs jobs, JobHandler... handlers)
            throws Exception {
        JobRunner runner = new JobRunner(database, jobs, JobsTestSupport.config(threads, POLL_MILLIS));
        onTearDown(runner::deactivate);
        for (JobHandler handler : handlers) {
            runner.addHandler(handler);
        }
        return runner;
    }

    private static Job job(DurableJobs jobs, String workspaceId, String id) {
        return jobs.find(workspaceId, id).orElseThrow(() -> new AssertionError("job " + id + " not found"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Moves a retry that waits for its backoff to now, so the test need not wait seconds. */
    private static void makeDueNow(TestDatabase database, String id) {
        assertEquals(1, database.update("UPDATE job SET run_at = ? WHERE id = ? AND state = 'queued'",
                utc(Instant.now().minusMillis(1)), id));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void enqueuedJobRunsExactlyOnceAndSucceeds(TestDatabase.Kind kind) throws Exception {
        TestDatabase database = database(kind);
        DurableJobs jobs = jobs(database);
        RecordingHandler handler = new RecordingHandler("contact.import", context -> context.progress("{\"rows\":10}"));
        JobRunner runner = runner(database, jobs, handler);

        Instant before = Instant.now().minusMillis(5);
        String id = jobs.enqueue(JobRequest.of(workspace, "contact.import", "{\"file\":\"a.csv\"}"));
        assertTrue(Ids.isValid(id));
        Job queued = job(jobs, workspace, id);
        assertEquals(workspace, queued.workspaceId());
        assertEquals("contact.import", queued.type());
        assertEquals(10, queued.maxAttempts());

        until(() -> Job.SUCCEEDED.equals(job(jobs, workspace, id).state()), () -> "job to succeed: " + jobs.find(workspace, id));
        pause(QUIET_MILLIS);

        assertEquals(1, handler.calls.size(), "handler calls");
        assertEquals("{\"file\":\"a.csv\"}", handler.calls.get(0).payload());
        assertEquals(1, handler.calls.get(0).attempts());
        Job done = job(jobs, workspace, id);
        assertEquals(Job.SUCCEEDED, done.state());
        assertEquals(1, done.attempts());
        assertNull(done.lastError());
        assertEquals("{\"rows\":10}", done.progress(), "progress recorded by the handler survives");
        assertNotNull(done.finishedAt());
        assertFalse(done.finishedAt().isBefore(before), "finished_at is now, not some other time zone");
        assertTrue(done.finishedAt().isBefore(Instant.now().plusSeconds(1)));
        assertEquals(1, runner.succeededCount());
        assertEquals(0, database.count("SELECT count(*) FROM job WHERE lease_until IS NOT NULL OR locked_by IS NOT NULL"),
                "a finished job holds no lease");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void failingJobIsRetriedWithBackoffAndFailsAfterMaxAttempts(TestDatabase.Kind kind) throws Exception {
        TestDatabase database = database(kind);
        DurableJobs jobs = jobs(database);
        RecordingHandler handler = new RecordingHandler("mail.send", context -> {
            throw new IllegalStateException("provider down (attempt " + context.job().attempts() + ")");
        });
        JobRunner runner = runner(database, jobs, handler);
        String id = jobs.enqueue(new JobRequest(workspace, "mail.send", "{}", null, 3, null));

        for (int attempt = 1; attempt <= 2; attempt++) {
            int expected = attempt;
            until(() -> {
                Job job = job(jobs, workspace, id);
                return job.attempts() == expected && Job.QUEUED.equals(job.state());
            }, () -> "attempt " + expected + " to fail and be rescheduled: " + jobs.find(workspace, id));
            Job waiting = job(jobs, workspace, id);
            assertEquals("IllegalStateException: provider down (attempt " + attempt + ")", waiting.lastError());
            Instant failedAt = handler.calls.get(attempt - 1).at();
            long backoffMillis = Duration.between(failedAt, waiting.runAt()).toMillis();
            assertTrue(backoffMillis >= 990, "backoff of at least 1 s, was " + backoffMillis + " ms");
            long ceilingMillis = 1000 + (1000L << attempt) + 1000;
            assertTrue(backoffMillis <= ceilingMillis, "backoff grows as 2^attempt s, was " + backoffMillis + " ms");

            pause(QUIET_MILLIS);
            assertEquals(attempt, handler.calls.size(), "no retry before the backoff has passed");
            makeDueNow(database, id);
        }

        until(() -> Job.FAILED.equals(job(jobs, workspace, id).state()), () -> "job to fail: " + jobs.find(workspace, id));
        pause(QUIET_MILLIS);
        Job failed = job(jobs, workspace, id);
        assertEquals(3, failed.attempts());
        assertEquals(3, handler.calls.size(), "ran exactly maxAttempts times");
        assertEquals("IllegalStateException: provider down (attempt 3)", failed.lastError());
        assertNotNull(failed.finishedAt());
        assertEquals(1, runner.failedCount());
        assertEquals(0, runner.succeededCount());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void retryLaterReschedulesWithoutConsumingAnAttempt(TestDatabase.Kind kind) throws Exception {
        TestDatabase database = database(kind);
        DurableJobs jobs = jobs(database);
        AtomicInteger calls = new AtomicInteger();
        RecordingHandler handler = new RecordingHandler("sms.send", context -> {
            if (calls.incrementAndGet() <= 2) {
                throw new RetryLater("429 from provider", Duration.ofSeconds(30));
            }
        });
        runner(database, jobs, handler);
        // One attempt only: if RetryLater used attempts up, the job could never succeed on its third run.
        String id = jobs.enqueue(new JobRequest(workspace, "sms.send", "{}", null, 1, null));

        for (int call = 1; call <= 2; call++) {
            int expected = call;
            until(() -> calls.get() == expected && Job.QUEUED.equals(job(jobs, workspace, id).state()),
                    () -> "run " + expected + " to ask for a later retry: " + jobs.find(workspace, id));
            Job waiting = job(jobs, workspace, id);
            assertEquals(0, waiting.attempts(), "RetryLater consumes no attempt");
            assertEquals("429 from provider", waiting.lastError());
            long delay = Duration.between(Instant.now(), waiting.runAt()).toSeconds();
            assertTrue(delay >= 28 && delay <= 30, "rescheduled by the requested 30 s, was " + delay + " s");
            pause(QUIET_MILLIS);
            assertEquals(expected, calls.get(), "not run again before the requested time");
            makeDueNow(database, id);
        }

        until(() -> Job.SUCCEEDED.equals(job(jobs, workspace, id).state()), () -> "job to succeed: " + jobs.find(workspace, id));
        assertEquals(3, calls.get());
        assertEquals(1, job(jobs, workspace, id).attempts());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void jobWithoutHandlerWaitsUntilItsPluginIsDeployed(TestDatabase.Kind kind) throws Exception {
        TestDatabase database = database(kind);
        DurableJobs jobs = jobs(database);
        RecordingHandler other = new RecordingHandler("other.work", context -> { });
        JobRunner runner = runner(database, jobs, other);

        String waiting = jobs.enqueue(JobRequest.of(workspace, "plugin.work", "{\"n\":1}"));
        String control = jobs.enqueue(JobRequest.of(workspace, "other.work", "{}"));
        until(() -> Job.SUCCEEDED.equals(job(jobs, workspace, control).state()), () -> "the runner to be polling");
        pause(QUIET_MILLIS);
        Job untouched = job(jobs, workspace, waiting);
        assertEquals(Job.QUEUED, untouched.state(), "no handler: the job waits");
        assertEquals(0, untouched.attempts(), "waiting for a handler burns no attempts");

        RecordingHandler v1 = new RecordingHandler("plugin.work", context -> { });
        runner.addHandler(v1);
        until(() -> Job.SUCCEEDED.equals(job(jobs, workspace, waiting).state()), () -> "job to run once deployed");
        assertEquals(1, v1.callsFor(waiting));

        // Redeploy: the old plugin goes away, work enqueued meanwhile waits for the new one.
        runner.removeHandler(v1);
        String during = jobs.enqueue(JobRequest.of(workspace, "plugin.work", "{\"n\":2}"));
        pause(QUIET_MILLIS);
        assertEquals(Job.QUEUED, job(jobs, workspace, during).state());
        RecordingHandler v2 = new RecordingHandler("plugin.work", context -> { });
        runner.addHandler(v2);
        until(() -> Job.SUCCEEDED.equals(job(jobs, workspace, during).state()), () -> "job to run on the new plugin");
        assertEquals(1, v2.callsFor(during));
        assertEquals(0, v1.callsFor(during), "the removed handler is not called");
        assertEquals(1, job(jobs, workspace, during).attempts());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void twoNodesShareTheQueueAndRunEveryJobExactlyOnce(TestDatabase.Kind kind) throws Exception {
        TestDatabase nodeA = database(kind);
        TestDatabase nodeB = anotherNode(nodeA);
        DurableJobs jobsA = jobs(nodeA);
        DurableJobs jobsB = jobs(nodeB);
        Map<String, Queue<String>> runs = new ConcurrentHashMap<>();
        JobRunner runnerA = runner(nodeA, jobsA, new RecordingHandler("bulk.step", context -> {
            runs.computeIfAbsent(context.job().id(), k -> new ConcurrentLinkedQueue<>()).add("A");
            Thread.sleep(2);
        }));
        JobRunner runnerB = runner(nodeB, jobsB, new RecordingHandler("bulk.step", context -> {
            runs.computeIfAbsent(context.job().id(), k -> new ConcurrentLinkedQueue<>()).add("B");
            Thread.sleep(2);
        }));

        int total = 200;
        for (int i = 0; i < total; i++) {
            (i % 2 == 0 ? jobsA : jobsB).enqueue(JobRequest.of(workspace, "bulk.step", "{\"i\":" + i + "}"));
        }
        until(Duration.ofSeconds(30), () -> nodeA.count("SELECT count(*) FROM job WHERE state = 'succeeded'") == total,
                () -> "all jobs to succeed, states: " + nodeA.query("SELECT state, count(*) FROM job GROUP BY state")
                        .stream().map(r -> r[0] + "=" + r[1]).toList());
        pause(QUIET_MILLIS);

        Map<String, Long> duplicates = runs.entrySet().stream().filter(e -> e.getValue().size() != 1)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> (long) e.getValue().size()));
        assertEquals(Map.of(), duplicates, "jobs run more than once");
        assertEquals(total, runs.size(), "every job ran");
        assertEquals(total, runnerA.succeededCount() + runnerB.succeededCount());
        assertTrue(runnerA.succeededCount() > 0 && runnerB.succeededCount() > 0,
                "both nodes took work: A=" + runnerA.succeededCount() + " B=" + runnerB.succeededCount());
        assertEquals(0, nodeA.count("SELECT count(*) FROM job WHERE attempts <> 1"), "no job was claimed twice");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void jobOfADeadNodeIsTakenOverWhenItsLeaseExpires(TestDatabase.Kind kind) throws Exception {
        TestDatabase database = database(kind);
        DurableJobs jobs = jobs(database);
        String orphan = jobs.enqueue(JobRequest.of(workspace, "report.build", "{}"));
        String held = jobs.enqueue(JobRequest.of(workspace, "report.build", "{}"));
        database.update("UPDATE job SET state = 'running', attempts = 1, locked_by = 'crashed/1', lease_until = ? WHERE id = ?",
                utc(Instant.now().minusSeconds(1)), orphan);
        database.update("UPDATE job SET state = 'running', attempts = 1, locked_by = 'alive/2', lease_until = ? WHERE id = ?",
                utc(Instant.now().plusSeconds(60)), held);

        RecordingHandler handler = new RecordingHandler("report.build", context -> { });
        runner(database, jobs, handler);

        until(() -> Job.SUCCEEDED.equals(job(jobs, workspace, orphan).state()), () -> "the orphan to be taken over");
        pause(QUIET_MILLIS);
        assertEquals(1, handler.callsFor(orphan));
        assertEquals(2, job(jobs, workspace, orphan).attempts(), "the crashed run counts as an attempt");
        assertEquals(0, handler.callsFor(held), "a job under a live lease is left to its node");
        assertEquals(Job.RUNNING, job(jobs, workspace, held).state());
        assertEquals("alive/2", database.query("SELECT locked_by FROM job WHERE id = ?", held).get(0)[0]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aNodeThatLostItsLeaseCannotOverwriteTheNewOwnersOutcome(TestDatabase.Kind kind) throws Exception {
        TestDatabase nodeA = database(kind);
        TestDatabase nodeB = anotherNode(nodeA);
        DurableJobs jobsA = jobs(nodeA);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        onTearDown(release::countDown);
        // One thread, busy with the job: node A cannot claim anything else meanwhile (not even this job again).
        List<Exception> progressOnA = new CopyOnWriteArrayList<>();
        JobRunner runnerA = runner(1, nodeA, jobsA, new RecordingHandler("slow.work", context -> {
            started.countDown();
            release.await(10, TimeUnit.SECONDS);
            try {
                context.progress("{\"step\":2}");
            } catch (IllegalStateException e) {
                progressOnA.add(e);
            }
            throw new IllegalStateException("stale node woke up");
        }));
        String id = jobsA.enqueue(JobRequest.of(workspace, "slow.work", "{}"));
        assertTrue(started.await(10, TimeUnit.SECONDS), "node A claimed the job");

        // Node A stalls (GC pause, network partition): its lease runs out and node B takes the job over.
        RecordingHandler onB = new RecordingHandler("slow.work", context -> { });
        JobRunner runnerB = runner(nodeB, jobs(nodeB));
        runnerB.addHandler(onB);
        until(() -> {
            nodeA.update("UPDATE job SET lease_until = ? WHERE id = ? AND locked_by = ?",
                    utc(Instant.now().minusSeconds(1)), id, runnerA.node());
            return Job.SUCCEEDED.equals(job(jobsA, workspace, id).state());
        }, () -> "node B to take over and finish: " + jobsA.find(workspace, id));

        release.countDown();
        until(() -> runnerA.runningCount() == 0, () -> "node A's handler to return");
        Job job = job(jobsA, workspace, id);
        assertEquals(Job.SUCCEEDED, job.state(), "node A's late failure must not overwrite B's success");
        assertNull(job.lastError());
        assertEquals(2, job.attempts());
        assertEquals(1, onB.calls.size());
        assertEquals(0, runnerA.failedCount());
        assertEquals(1, progressOnA.size(), "recording progress tells the stale handler it lost the job");
        assertNull(job.progress(), "and writes nothing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aJobWhoseNodeDiedOnItsLastAttemptFailsInsteadOfRunningAgain(TestDatabase.Kind kind) throws Exception {
        // A job that kills its node (out of memory, a native crash) must not take down every node in turn.
        TestDatabase database = database(kind);
        DurableJobs jobs = jobs(database);
        String exhausted = jobs.enqueue(new JobRequest(workspace, "pdf.render", "{}", null, 2, null));
        String retryable = jobs.enqueue(new JobRequest(workspace, "pdf.render", "{}", null, 3, null));
        for (String id : List.of(exhausted, retryable)) {
            database.update("UPDATE job SET state = 'running', attempts = 2, locked_by = 'crashed/1', lease_until = ? "
                    + "WHERE id = ?", utc(Instant.now().minusSeconds(1)), id);
        }
        RecordingHandler handler = new RecordingHandler("pdf.render", context -> { });
        JobRunner runner = runner(database, jobs, handler);

        until(() -> Job.SUCCEEDED.equals(job(jobs, workspace, retryable).state()), () -> "the job with attempts left to run");
        until(() -> Job.FAILED.equals(job(jobs, workspace, exhausted).state()), () -> "the exhausted job to fail: "
                + jobs.find(workspace, exhausted));
        pause(QUIET_MILLIS);
        assertEquals(0, handler.callsFor(exhausted), "no attempt beyond maxAttempts");
        Job failed = job(jobs, workspace, exhausted);
        assertEquals(2, failed.attempts());
        assertNotNull(failed.finishedAt());
        assertTrue(failed.lastError() != null && failed.lastError().contains("lease expired"), failed.lastError());
        assertEquals(1, handler.callsFor(retryable));
        assertEquals(3, job(jobs, workspace, retryable).attempts());
        assertEquals(1, runner.failedCount());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void dedupeKeyPreventsASecondJob(TestDatabase.Kind kind) throws Exception {
        TestDatabase database = database(kind);
        DurableJobs jobs = jobs(database);
        JobRequest welcome = new JobRequest(workspace, "mail.welcome", "{\"contact\":42}", null, 5, "contact-42");

        String first = jobs.enqueue(welcome);
        String second = jobs.enqueue(welcome);
        assertEquals(first, second, "the second enqueue answers the existing job");
        assertEquals(1, database.count("SELECT count(*) FROM job WHERE type = 'mail.welcome'"));

        assertNotEquals(first, jobs.enqueue(new JobRequest(workspace, "mail.welcome", "{}", null, 5, "contact-43")),
                "another key is another job");
        assertNotEquals(first, jobs.enqueue(new JobRequest(workspace, "mail.reminder", "{}", null, 5, "contact-42")),
                "the key is per type");
        String plainA = jobs.enqueue(JobRequest.of(workspace, "mail.welcome", "{}"));
        String plainB = jobs.enqueue(JobRequest.of(workspace, "mail.welcome", "{}"));
        assertNotEquals(plainA, plainB, "no key, no dedupe");
        assertEquals(4, database.count("SELECT count(*) FROM job WHERE type = 'mail.welcome'"));

        // Another workspace is never handed this workspace's job.
        String otherWorkspace = Ids.newId();
        assertThrows(IllegalStateException.class, () -> jobs.enqueue(
                new JobRequest(otherWorkspace, "mail.welcome", "{}", null, 5, "contact-42")));

        RecordingHandler handler = new RecordingHandler("mail.welcome", context -> { });
        runner(database, jobs, handler);
        until(() -> database.count("SELECT count(*) FROM job WHERE type = 'mail.welcome' AND state = 'succeeded'") == 4,
                () -> "the welcome jobs to run");
        assertEquals(1, handler.callsFor(first), "the deduplicated job ran once");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void dedupeInsideTheCallersTransactionKeepsTheTransactionUsable(TestDatabase.Kind kind) throws Exception {
        TestDatabase database = database(kind);
        DurableJobs jobs = jobs(database);
        JobRequest request = new JobRequest(workspace, "mail.welcome", "{}", null, 5, "contact-7");
        String first = jobs.enqueue(request);
        try (JdbcTransaction tx = new JdbcTransaction(database.dataSource())) {
            String second = jobs.enqueue(tx.em(), request);
            assertEquals(first, second);
            // The caller's own work in the same transaction must still commit (PostgreSQL aborts a transaction
            // on any failed statement).
            tx.em().createNativeQuery("INSERT INTO outbox_event (id, type, payload, occurred_at) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, Ids.newId()).setParameter(2, "contact.created").setParameter(3, "{}")
                    .setParameter(4, utc(Instant.now())).executeUpdate();
            tx.commit();
        }
        assertEquals(1, database.count("SELECT count(*) FROM job"));
        assertEquals(1, database.count("SELECT count(*) FROM outbox_event"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void jobEnqueuedInTheCallersTransactionExistsOnlyIfItCommits(TestDatabase.Kind kind) throws Exception {
        TestDatabase database = database(kind);
        DurableJobs jobs = jobs(database);
        RecordingHandler handler = new RecordingHandler("contact.enrich", context -> { });
        runner(database, jobs, handler);

        String rolledBack;
        try (JdbcTransaction tx = new JdbcTransaction(database.dataSource())) {
            rolledBack = jobs.enqueue(tx.em(), JobRequest.of(workspace, "contact.enrich", "{}"));
            tx.rollback();
        }
        String committed;
        try (JdbcTransaction tx = new JdbcTransaction(database.dataSource())) {
            committed = jobs.enqueue(tx.em(), JobRequest.of(workspace, "contact.enrich", "{}"));
            tx.commit();
        }
        until(() -> Job.SUCCEEDED.equals(job(jobs, workspace, committed).state()), () -> "the committed job to run");
        assertTrue(jobs.find(workspace, rolledBack).isEmpty(), "a rolled-back enqueue leaves no job");
        assertEquals(0, handler.callsFor(rolledBack));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void findNeverReturnsAnotherWorkspacesJob(TestDatabase.Kind kind) throws Exception {
        TestDatabase database = database(kind);
        DurableJobs jobs = jobs(database);
        String mine = jobs.enqueue(JobRequest.of(workspace, "export.csv", "{}"));
        String otherWorkspace = Ids.newId();

        assertEquals(mine, jobs.find(workspace, mine).orElseThrow().id());
        assertTrue(jobs.find(otherWorkspace, mine).isEmpty(), "another workspace cannot read it");
        assertTrue(jobs.find(null, mine).isEmpty());
        assertTrue(jobs.find(workspace, Ids.newId()).isEmpty(), "unknown id");
        assertTrue(jobs.find(workspace, "'; DROP TABLE job; --").isEmpty(), "not an id");
        assertEquals(1, database.count("SELECT count(*) FROM job"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void enqueueRejectsAJobWithoutType(TestDatabase.Kind kind) throws Exception {
        TestDatabase database = database(kind);
        DurableJobs jobs = jobs(database);
        assertThrows(IllegalArgumentException.class, () -> jobs.enqueue(JobRequest.of(workspace, " ", "{}")));
        assertThrows(IllegalArgumentException.class, () -> jobs.enqueue(JobRequest.of(workspace, null, "{}")));
        String id = jobs.enqueue(new JobRequest(workspace, "x.y", "{}", null, 0, null));
        assertEquals(1, job(jobs, workspace, id).maxAttempts(), "at least one attempt");
        assertEquals(0, database.count("SELECT count(*) FROM job WHERE type <> 'x.y'"));
    }
}
