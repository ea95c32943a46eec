package io.herald.platform.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Runs one type of durable job. Register as an OSGi service. A handler may run again for the same job after a
 * crash, so it must be idempotent. Throwing {@link RetryLater} schedules another attempt at the given time;
 * any other exception retries with exponential backoff until the job's attempts run out.
 */
@ConsumerType
public interface JobHandler {

    String type();

    void handle(JobContext context) throws Exception;
}
