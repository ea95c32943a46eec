package io.herald.platform.internal.rest;

import io.herald.platform.api.Ids;
import io.herald.platform.api.JobRequest;
import io.herald.platform.api.Json;
import io.herald.platform.api.Problem;
import io.herald.platform.api.PublicEndpoint;
import io.herald.platform.internal.jobs.DurableJobs;
import io.herald.platform.internal.plugins.ConnectionStore;
import io.herald.platform.internal.webhooks.WebhookProcessHandler;
import io.herald.platform.internal.webhooks.WebhookReceivers;
import io.herald.sdk.api.Connection;
import io.herald.sdk.api.webhook.WebhookReceiver;
import io.herald.sdk.api.webhook.WebhookRejected;
import io.herald.sdk.api.webhook.WebhookRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /hooks/{plugin}/{connection}}: where providers call. The plugin verifies the signature while the
 * provider waits (401 and nothing stored when it fails); a verified request is stored as a job, deduplicated by
 * the provider's event id, and answered 200 at once. While the plugin is not running the answer is 503, so the
 * provider retries later.
 */
@Component(service = HookResource.class)
@JaxrsResource
@PublicEndpoint
@Path("/hooks/{pluginId}/{connectionId}")
public class HookResource {

    private final Logger logger = LoggerFactory.getLogger(HookResource.class);
    private final WebhookReceivers receivers;
    private final ConnectionStore connections;
    private final DurableJobs jobs;
    private final Json json;

    @Activate
    public HookResource(@Reference WebhookReceivers receivers, @Reference ConnectionStore connections,
                        @Reference DurableJobs jobs, @Reference Json json) {
        this.receivers = receivers;
        this.connections = connections;
        this.jobs = jobs;
        this.json = json;
    }

    @POST
    public Response post(@PathParam("pluginId") String pluginId, @PathParam("connectionId") String connectionId,
                         @Context HttpHeaders headers, @Context UriInfo uri, InputStream body) throws IOException {
        return receive("POST", pluginId, connectionId, headers, uri, body.readAllBytes());
    }

    /** Some providers verify an endpoint with a GET challenge first. */
    @GET
    public Response get(@PathParam("pluginId") String pluginId, @PathParam("connectionId") String connectionId,
                        @Context HttpHeaders headers, @Context UriInfo uri) {
        return receive("GET", pluginId, connectionId, headers, uri, new byte[0]);
    }

    private Response receive(String method, String pluginId, String connectionId, HttpHeaders headers, UriInfo uri,
                             byte[] body) {
        Connection connection = Ids.isValid(connectionId) ? connections.openAnyWorkspace(connectionId).orElse(null)
                : null;
        if (connection == null || !connection.pluginId().equals(pluginId)) {
            throw Problem.notFound("webhook endpoint");
        }
        WebhookReceiver receiver = receivers.find(pluginId).orElseThrow(() ->
                Problem.unavailable("plugin " + pluginId + " is not running; retry later"));
        Map<String, List<String>> requestHeaders = new LinkedHashMap<>(headers.getRequestHeaders());
        WebhookRequest hook = new WebhookRequest(method, uri.getPath(), uri.getRequestUri().getRawQuery(),
                requestHeaders, body);
        String eventId;
        try {
            eventId = receiver.verify(hook, connection);
        } catch (WebhookRejected rejected) {
            logger.warn("Rejected a webhook for connection {} of workspace {}: {}", connectionId,
                    connection.workspaceId(), rejected.getMessage());
            throw Problem.unauthorized("webhook signature rejected: " + rejected.getMessage());
        }
        if (eventId != null) {
            jobs.enqueue(new JobRequest(connection.workspaceId(), WebhookProcessHandler.TYPE,
                    json.write(io.herald.platform.internal.webhooks.StoredWebhook.of(connection.workspaceId(),
                            connectionId, pluginId, eventId, hook)),
                    null, 20, "hook:" + connectionId + ":" + sha256(eventId)));
        }
        String answer = receiver.response(hook, connection);
        return answer == null ? Response.ok().build() : Response.ok(answer, "text/plain").build();
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
