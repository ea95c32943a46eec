package io.herald.platform.internal.jobs;

import io.herald.platform.api.JobContext;
import io.herald.platform.api.JobHandler;
import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Small hand-written collaborators for {@link JobRunner}. */
final class JobsTestSupport {

    private JobsTestSupport() {
    }

    /** Short polls so tests run fast; the lease is the runner's minimum (5 s). */
    static JobRunner.Config config(int threads, int pollMillis) {
        return new JobRunner.Config() {
            @Override
            public int threads() {
                return threads;
            }

            @Override
            public int leaseSeconds() {
                return 5;
            }

            @Override
            public int pollMillis() {
                return pollMillis;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return JobRunner.Config.class;
            }
        };
    }

    @FunctionalInterface
    interface Work {
        void run(JobContext context) throws Exception;
    }

    /** What a handler saw: the job as claimed and when it ran. */
    record Call(String jobId, int attempts, String payload, Instant at) {
    }

    /** A handler that records every call, then does its work. */
    static final class RecordingHandler implements JobHandler {
        private final String type;
        private final Work work;
        final List<Call> calls = new CopyOnWriteArrayList<>();

        RecordingHandler(String type, Work work) {
            this.type = type;
            this.work = work;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public void handle(JobContext context) throws Exception {
            calls.add(new Call(context.job().id(), context.job().attempts(), context.job().payload(), Instant.now()));
            work.run(context);
        }

        long callsFor(String jobId) {
            return calls.stream().filter(c -> c.jobId().equals(jobId)).count();
        }
    }
}
