package io.herald.platform.internal.rest;

import io.herald.platform.api.Caller;
import io.herald.platform.api.Page;
import io.herald.platform.api.RequiresRole;
import io.herald.platform.api.Role;
import io.herald.platform.internal.plugins.ConnectionStore;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** A workspace's connections to plugins; managing them takes the admin role, since they hold credentials. */
@Component(service = ConnectionResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/workspaces/{workspaceId}/connections")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ConnectionResource {

    private final ConnectionStore connections;
    private final io.herald.platform.internal.delivery.MessageStore messages;

    @Activate
    public ConnectionResource(@Reference ConnectionStore connections,
                              @Reference io.herald.platform.internal.delivery.MessageStore messages) {
        this.connections = connections;
        this.messages = messages;
    }

    @GET
    public Page<ConnectionStore.View> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                           @Context HttpServletRequest request) {
        return connections.list(Caller.of(request).requireWorkspace(), Page.cursor(cursor), Page.limit(limit));
    }

    @POST
    @RequiresRole(Role.ADMIN)
    public Response create(ConnectionStore.Request body, @Context HttpServletRequest request) {
        Caller caller = Caller.of(request);
        ConnectionStore.View created = connections.create(caller.requireWorkspace(), body, caller.principalId());
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    @Path("{connectionId}")
    public ConnectionStore.View get(@PathParam("connectionId") String connectionId,
                                    @Context HttpServletRequest request) {
        return connections.get(Caller.of(request).requireWorkspace(), connectionId);
    }

    @PATCH
    @Path("{connectionId}")
    @RequiresRole(Role.ADMIN)
    public ConnectionStore.View update(@PathParam("connectionId") String connectionId, ConnectionStore.Request body,
                                       @Context HttpServletRequest request) {
        Caller caller = Caller.of(request);
        return connections.update(caller.requireWorkspace(), connectionId, body, caller.principalId());
    }

    @DELETE
    @Path("{connectionId}")
    @RequiresRole(Role.ADMIN)
    public Response delete(@PathParam("connectionId") String connectionId, @Context HttpServletRequest request) {
        Caller caller = Caller.of(request);
        connections.delete(caller.requireWorkspace(), connectionId, caller.principalId());
        return Response.noContent().build();
    }

    /**
     * The messages sent through a connection, newest first: for the sandbox channel, which delivers nothing,
     * this outbox is where its messages are read.
     */
    @GET
    @Path("{connectionId}/outbox")
    public Page<io.herald.platform.internal.delivery.MessageView> outbox(
            @PathParam("connectionId") String connectionId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit, @Context HttpServletRequest request) {
        String workspaceId = Caller.of(request).requireWorkspace();
        connections.get(workspaceId, connectionId);
        int size = Page.limit(limit);
        return Page.of(messages.byConnection(workspaceId, connectionId, Page.cursor(cursor), size + 1), size,
                io.herald.platform.internal.delivery.MessageView::id);
    }

    /** Asks the plugin to check the credentials with its provider: 204 when they work. */
    @POST
    @Path("{connectionId}/test")
    @RequiresRole(Role.ADMIN)
    public Response test(@PathParam("connectionId") String connectionId, @Context HttpServletRequest request) {
        connections.test(Caller.of(request).requireWorkspace(), connectionId);
        return Response.noContent().build();
    }
}
