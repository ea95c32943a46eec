package io.herald.platform.internal.rest;

import io.herald.platform.api.PublicEndpoint;
import io.herald.platform.api.Realtime;
import io.herald.platform.internal.http.HttpMetrics;
import io.herald.platform.internal.jobs.JobRunner;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code GET /api/v1/metrics} in Prometheus' text exposition format. */
@Component(service = MetricsResource.class)
@JaxrsResource
@PublicEndpoint
@Path("/api/v1/metrics")
public class MetricsResource {

    private final HttpMetrics http;
    private final JobRunner jobs;
    private final Realtime realtime;

    @Activate
    public MetricsResource(@Reference HttpMetrics http, @Reference JobRunner jobs, @Reference Realtime realtime) {
        this.http = http;
        this.jobs = jobs;
        this.realtime = realtime;
    }

    @GET
    @Produces("text/plain; version=0.0.4")
    public String metrics() {
        StringBuilder out = new StringBuilder(4096);
        http.writeTo(out);
        gauge(out, "herald_jobs_running", "Jobs running on this node", jobs.runningCount());
        counter(out, "herald_jobs_succeeded_total", "Jobs this node finished", jobs.succeededCount());
        counter(out, "herald_jobs_failed_total", "Jobs this node failed for good", jobs.failedCount());
        gauge(out, "herald_realtime_connections", "Open event streams on this node", realtime.connections());
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        gauge(out, "jvm_memory_heap_used_bytes", "Heap in use", memory.getHeapMemoryUsage().getUsed());
        gauge(out, "jvm_threads_live", "Live threads", ManagementFactory.getThreadMXBean().getThreadCount());
        return out.toString();
    }

    private static void gauge(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" gauge\n").append(name).append(' ').append(value).append('\n');
    }

    private static void counter(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" counter\n").append(name).append(' ').append(value).append('\n');
    }
}
