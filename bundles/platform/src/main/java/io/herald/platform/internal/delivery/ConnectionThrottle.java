package io.herald.platform.internal.delivery;

import io.herald.platform.internal.plugins.ConnectionStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Spaces a connection's sends to its rate (its own limit, else its plugin's default), on this node: each send
 * reserves the next free slot, so a burst is smoothed rather than refused by the provider. Rates are re-read
 * every few seconds, so a changed limit applies without a restart.
 */
@Component(service = ConnectionThrottle.class)
public class ConnectionThrottle {

    static final long RATE_TTL_NANOS = 5_000_000_000L;

    private record Rate(double perSecond, long readAt) {
    }

    private final ConnectionStore connections;
    private final Map<String, Rate> rates = new ConcurrentHashMap<>();
    private final Map<String, long[]> nextFree = new ConcurrentHashMap<>();

    @Activate
    public ConnectionThrottle(@Reference ConnectionStore connections) {
        this.connections = connections;
    }

    /** How long the caller must wait before sending through the connection; zero when it may send now. */
    public Duration reserve(MessageStore.Stored message) {
        long now = System.nanoTime();
        Rate rate = rates.compute(message.connectionId(), (id, known) -> known != null
                && now - known.readAt() < RATE_TTL_NANOS ? known
                : new Rate(connections.ratePerSecond(message.workspaceId(), id, message.pluginId()), now));
        return reserve(message.connectionId(), rate.perSecond(), now);
    }

    Duration reserve(String connectionId, double perSecond, long now) {
        if (perSecond <= 0) {
            return Duration.ZERO;
        }
        long interval = (long) (1_000_000_000L / perSecond);
        long[] slot = nextFree.computeIfAbsent(connectionId, id -> new long[] {now});
        synchronized (slot) {
            long start = Math.max(slot[0], now);
            slot[0] = start + interval;
            return Duration.ofNanos(start - now);
        }
    }
}
