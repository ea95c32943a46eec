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

/** Invitations to a workspace; the token in the creating answer is shown once. */
@Component(service = InvitationResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/workspaces/{workspaceId}/invitations")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.ADMIN)
public class InvitationResource {

    private final Workspaces workspaces;

    @Activate
    public InvitationResource(@Reference Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @GET
    public Page<IdentityViews.Invitation> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                               @Context HttpServletRequest request) {
        return workspaces.invitations(Caller.of(request), Page.cursor(cursor), Page.limit(limit));
    }

    @POST
    public Response invite(IdentityViews.InvitationRequest body, @Context HttpServletRequest request) {
        IdentityViews.Invitation invitation = workspaces.invite(Caller.of(request), body, Requests.ip(request));
        return Response.status(Response.Status.CREATED).entity(invitation).build();
    }

    @DELETE
    @Path("{invitationId}")
    public Response revoke(@PathParam("invitationId") String invitationId, @Context HttpServletRequest request) {
        workspaces.revokeInvitation(Caller.of(request), invitationId, Requests.ip(request));
        return Response.noContent().build();
    }
}
