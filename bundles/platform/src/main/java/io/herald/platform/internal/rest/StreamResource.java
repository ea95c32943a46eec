package io.herald.platform.internal.rest;

import io.herald.platform.api.Caller;
import io.herald.platform.api.DomainEvent;
import io.herald.platform.api.Json;
import io.herald.platform.internal.events.RealtimeHub;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.sse.OutboundSseEvent;
import javax.ws.rs.sse.Sse;
import javax.ws.rs.sse.SseEventSink;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/workspaces/{id}/stream}: the workspace's events as server-sent events, for its members
 * only (the authentication filter admits members alone). A comment every 15 s keeps proxies from closing an
 * idle stream and finds streams whose client went away.
 */
@Component(service = StreamResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/workspaces/{workspaceId}/stream")
public class StreamResource {

    private final Logger logger = LoggerFactory.getLogger(StreamResource.class);
    private final RealtimeHub hub;
    private final Json json;
    private final Map<SseEventSink, AutoCloseable> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "herald-sse-heartbeat"));
    private volatile Sse sse;

    @Activate
    public StreamResource(@Reference RealtimeHub hub, @Reference Json json) {
        this.hub = hub;
        this.json = json;
        heartbeat.scheduleAtFixedRate(this::beat, 15, 15, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        heartbeat.shutdownNow();
        open.forEach((sink, subscription) -> close(sink));
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@PathParam("workspaceId") String workspaceId, @Context SseEventSink sink, @Context Sse sse,
                       @Context HttpServletRequest request) {
        Caller caller = Caller.of(request);
        String workspace = caller.requireWorkspace();
        this.sse = sse;
        AutoCloseable subscription = hub.subscribe(workspace, event -> {
            if (endsAccess(event, caller)) {
                close(sink);
            } else {
                send(sink, sse, event);
            }
        });
        open.put(sink, subscription);
        sink.send(sse.newEventBuilder().name("ready").data(String.class, "{\"workspaceId\":\"" + workspace + "\"}")
                .mediaType(MediaType.APPLICATION_JSON_TYPE).build());
        logger.debug("Stream opened for workspace {} by {}", workspace, caller.principalId());
    }

    /** A member removed from the workspace, or the workspace deleted, stops receiving its events at once. */
    private boolean endsAccess(DomainEvent event, Caller caller) {
        if (event.type().equals("workspace.deleted")) {
            return true;
        }
        if (event.type().equals("member.removed") && caller.userId() != null) {
            try {
                return caller.userId().equals(json.mapper().readTree(event.payload()).path("userId").asText());
            } catch (Exception e) {
                return false;
            }
        }
        return false;
    }

    private void send(SseEventSink sink, Sse sse, DomainEvent event) {
        if (sink.isClosed()) {
            close(sink);
            return;
        }
        OutboundSseEvent outbound = sse.newEventBuilder().id(event.id()).name(event.type())
                .data(String.class, event.payload()).mediaType(MediaType.APPLICATION_JSON_TYPE).build();
        sink.send(outbound).whenComplete((ok, failure) -> {
            if (failure != null) {
                close(sink);
            }
        });
    }

    private void beat() {
        Sse current = sse;
        if (current == null) {
            return;
        }
        for (SseEventSink sink : open.keySet()) {
            if (sink.isClosed()) {
                close(sink);
            } else {
                sink.send(current.newEventBuilder().comment("keep-alive").build()).whenComplete((ok, failure) -> {
                    if (failure != null) {
                        close(sink);
                    }
                });
            }
        }
    }

    private void close(SseEventSink sink) {
        AutoCloseable subscription = open.remove(sink);
        try {
            if (subscription != null) {
                subscription.close();
            }
            sink.close();
        } catch (Exception e) {
            logger.debug("Closing a stream failed: {}", e.getMessage());
        }
    }
}
