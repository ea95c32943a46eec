package io.herald.platform.internal.rest;

import io.herald.platform.api.Caller;
import io.herald.platform.api.Page;
import io.herald.platform.api.Problem;
import io.herald.platform.internal.delivery.MessageContent;
import io.herald.platform.internal.delivery.MessageStore;
import io.herald.platform.internal.delivery.MessageView;
import io.herald.platform.internal.delivery.SendRequest;
import io.herald.platform.internal.plugins.ConnectionStore;
import io.herald.platform.internal.plugins.PluginRegistry;
import io.herald.sdk.api.PluginKind;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Transactional messages: {@code POST /api/v1/workspaces/{id}/messages} records the message and answers 202
 * at once; the durable queue hands it to the channel plugin. {@code GET …/messages/{id}} shows where it is.
 */
@Component(service = MessageResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/workspaces/{workspaceId}/messages")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MessageResource {

    static final int MAX_RECIPIENTS = 50;

    private final MessageStore messages;
    private final ConnectionStore connections;
    private final PluginRegistry plugins;

    @Activate
    public MessageResource(@Reference MessageStore messages, @Reference ConnectionStore connections,
                           @Reference PluginRegistry plugins) {
        this.messages = messages;
        this.connections = connections;
        this.plugins = plugins;
    }

    public record Accepted(String id, String state) {
    }

    @POST
    public Response send(SendRequest body, @Context HttpServletRequest request) {
        String workspaceId = Caller.of(request).requireWorkspace();
        if (body.connectionId() == null) {
            throw Problem.badRequest("connectionId", "connectionId is required");
        }
        ConnectionStore.View connection = connections.get(workspaceId, body.connectionId());
        plugins.find(connection.plugin()).ifPresent(plugin -> {
            if (plugin.kind() != PluginKind.CHANNEL) {
                throw Problem.badRequest("connectionId", "connection " + connection.id() + " is not a channel");
            }
        });
        List<String> to = body.to();
        if (to == null || to.isEmpty()) {
            throw Problem.badRequest("to", "name at least one recipient");
        }
        if (to.size() > MAX_RECIPIENTS) {
            throw Problem.badRequest("to", "at most " + MAX_RECIPIENTS + " recipients per message");
        }
        for (int i = 0; i < to.size(); i++) {
            if (to.get(i) == null || to.get(i).isBlank() || to.get(i).length() > 320) {
                throw Problem.badRequest("to[" + i + "]", "recipient must be 1 to 320 characters");
            }
        }
        if (body.subject() != null && body.subject().length() > 998) {
            throw Problem.badRequest("subject", "subject must have at most 998 characters");
        }
        if (isBlank(body.html()) && isBlank(body.text())) {
            throw Problem.badRequest("text", "give the message an html or a text body");
        }
        MessageContent content = new MessageContent(body.from(), body.replyTo(), List.copyOf(to), body.subject(),
                body.html(), body.text(), body.headers() == null ? Map.of() : body.headers(),
                body.metadata() == null ? Map.of() : body.metadata());
        String id = messages.accept(workspaceId, connection.id(), connection.plugin(), content);
        return Response.accepted(new Accepted(id, "queued")).build();
    }

    @GET
    @Path("{messageId}")
    public MessageView get(@PathParam("messageId") String messageId, @Context HttpServletRequest request) {
        return messages.view(Caller.of(request).requireWorkspace(), messageId)
                .orElseThrow(() -> Problem.notFound("message " + messageId));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
