package io.herald.identity.internal.rest;

import io.herald.identity.internal.Workspaces;
import io.herald.platform.api.Caller;
import io.herald.platform.api.Page;
import io.herald.platform.api.RequiresRole;
import io.herald.platform.api.Role;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
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

/** A workspace's members and their roles. */
@Component(service = MemberResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/workspaces/{workspaceId}/members")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MemberResource {

    private final Workspaces workspaces;

    @Activate
    public MemberResource(@Reference Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @GET
    public Page<IdentityViews.Member> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                           @Context HttpServletRequest request) {
        return workspaces.members(Caller.of(request), Page.cursor(cursor), Page.limit(limit));
    }

    @PATCH
    @Path("{userId}")
    @RequiresRole(Role.ADMIN)
    public IdentityViews.Member changeRole(@PathParam("userId") String userId, IdentityViews.RoleChange body,
                                           @Context HttpServletRequest request) {
        return workspaces.changeRole(Caller.of(request), userId, body.role(), Requests.ip(request));
    }

    /** Admins remove members; any member may remove themself (leave). */
    @DELETE
    @Path("{userId}")
    @RequiresRole(Role.VIEWER)
    public Response remove(@PathParam("userId") String userId, @Context HttpServletRequest request) {
        workspaces.removeMember(Caller.of(request), userId, Requests.ip(request));
        return Response.noContent().build();
    }
}
