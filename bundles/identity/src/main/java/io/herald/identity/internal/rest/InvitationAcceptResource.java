package io.herald.identity.internal.rest;

import io.herald.identity.internal.Workspaces;
import io.herald.platform.api.Caller;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code POST /api/v1/invitations/accept}: a signed-in user joins the workspace an invitation names. */
@Component(service = InvitationAcceptResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/invitations/accept")
public class InvitationAcceptResource {

    private final Workspaces workspaces;

    @Activate
    public InvitationAcceptResource(@Reference Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public IdentityViews.Workspace accept(IdentityViews.AcceptInvitation body, @Context HttpServletRequest request) {
        return workspaces.accept(body.token(), Caller.of(request), Requests.ip(request));
    }
}
