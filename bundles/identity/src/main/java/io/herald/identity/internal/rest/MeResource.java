package io.herald.identity.internal.rest;

import io.herald.identity.internal.Accounts;
import io.herald.platform.api.Caller;
import io.herald.platform.api.Problem;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code GET /api/v1/me}: the signed-in user and the workspaces they belong to. */
@Component(service = MeResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/me")
public class MeResource {

    private final Accounts accounts;

    @Activate
    public MeResource(@Reference Accounts accounts) {
        this.accounts = accounts;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public IdentityViews.Me me(@Context HttpServletRequest request) {
        Caller caller = Caller.of(request);
        if (caller.userId() == null) {
            throw Problem.badRequest(null, "an API key is not a user; call the workspace's resources instead");
        }
        return accounts.me(caller.userId());
    }

    /** Changes the signed-in user's password; every other session of theirs ends. */
    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(IdentityViews.PasswordChange body, @Context HttpServletRequest request) {
        Caller caller = Caller.of(request);
        if (caller.userId() == null) {
            throw Problem.badRequest(null, "an API key has no password");
        }
        accounts.changePassword(caller.userId(), caller.sessionId(), body, Requests.client(request));
        return Response.noContent().build();
    }
}
