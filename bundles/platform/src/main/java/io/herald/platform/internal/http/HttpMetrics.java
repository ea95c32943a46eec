package io.herald.platform.internal.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;
import org.osgi.service.component.annotations.Component;

/** Request counts and latency histograms per method, route and status, in Prometheus' text format. */
@Component(service = HttpMetrics.class)
public class HttpMetrics {

    static final double[] BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private record Series(String method, String route, int status) {
    }

    private static final class Histogram {
        final AtomicLongArray buckets = new AtomicLongArray(BUCKETS.length);
        final AtomicLong count = new AtomicLong();
        final DoubleAdder sum = new DoubleAdder();

        void observe(double seconds) {
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    buckets.incrementAndGet(i);
                }
            }
            count.incrementAndGet();
            sum.add(seconds);
        }
    }

    private final Map<Series, Histogram> series = new ConcurrentHashMap<>();

    public void observe(String method, String route, int status, double seconds) {
        series.computeIfAbsent(new Series(method, route, status), s -> new Histogram()).observe(seconds);
    }

    public void writeTo(StringBuilder out) {
        out.append("# HELP herald_http_requests_total HTTP requests served, by method, route and status\n");
        out.append("# TYPE herald_http_requests_total counter\n");
        series.forEach((s, h) -> out.append("herald_http_requests_total").append(labels(s, null))
                .append(' ').append(h.count.get()).append('\n'));
        out.append("# HELP herald_http_request_duration_seconds Time to serve HTTP requests\n");
        out.append("# TYPE herald_http_request_duration_seconds histogram\n");
        series.forEach((s, h) -> {
            for (int i = 0; i < BUCKETS.length; i++) {
                out.append("herald_http_request_duration_seconds_bucket").append(labels(s, Double.toString(BUCKETS[i])))
                        .append(' ').append(h.buckets.get(i)).append('\n');
            }
            out.append("herald_http_request_duration_seconds_bucket").append(labels(s, "+Inf")).append(' ')
                    .append(h.count.get()).append('\n');
            out.append("herald_http_request_duration_seconds_sum").append(labels(s, null)).append(' ')
                    .append(h.sum.sum()).append('\n');
            out.append("herald_http_request_duration_seconds_count").append(labels(s, null)).append(' ')
                    .append(h.count.get()).append('\n');
        });
    }

    private static String labels(Series s, String le) {
        StringBuilder out = new StringBuilder("{method=\"").append(s.method()).append("\",route=\"")
                .append(s.route().replace("\\", "\\\\").replace("\"", "\\\"")).append("\",status=\"")
                .append(s.status()).append('"');
        if (le != null) {
            out.append(",le=\"").append(le).append('"');
        }
        return out.append('}').toString();
    }
}
