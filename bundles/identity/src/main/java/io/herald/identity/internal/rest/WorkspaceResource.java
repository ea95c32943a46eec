package io.herald.identity.internal.rest;

import io.herald.identity.internal.Workspaces;
import io.herald.platform.api.Caller;
import io.herald.platform.api.Page;
import io.herald.platform.api.Problem;
import io.herald.platform.api.RequiresRole;
import io.herald.platform.api.Role;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
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

/** The signed-in user's workspaces. */
@Component(service = WorkspaceResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/workspaces")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class WorkspaceResource {

    private final Workspaces workspaces;

    @Activate
    public WorkspaceResource(@Reference Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @GET
    public Page<IdentityViews.Workspace> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                              @Context HttpServletRequest request) {
        Caller caller = Caller.of(request);
        if (caller.userId() == null) {
            throw Problem.badRequest(null, "an API key belongs to one workspace; use its id");
        }
        return workspaces.listFor(caller.userId(), Page.cursor(cursor), Page.limit(limit));
    }

    @POST
    public Response create(IdentityViews.WorkspaceRequest body, @Context HttpServletRequest request) {
        IdentityViews.Workspace created = workspaces.create(body.name(), Caller.of(request), Requests.ip(request));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    @Path("{workspaceId}")
    public IdentityViews.Workspace get(@Context HttpServletRequest request) {
        return workspaces.get(Caller.of(request));
    }

    @PATCH
    @Path("{workspaceId}")
    @RequiresRole(Role.ADMIN)
    public IdentityViews.Workspace update(IdentityViews.WorkspaceRequest body, @Context HttpServletRequest request) {
        return workspaces.rename(Caller.of(request), body.name(), Requests.ip(request));
    }

    @DELETE
    @Path("{workspaceId}")
    @RequiresRole(Role.OWNER)
    public Response delete(@Context HttpServletRequest request) {
        workspaces.delete(Caller.of(request), Requests.ip(request));
        return Response.noContent().build();
    }
}
