package io.herald.identity.internal.rest;

import io.herald.identity.internal.Accounts;
import io.herald.identity.internal.auth.SessionCookies;
import io.herald.platform.api.Caller;
import io.herald.platform.api.Problem;
import io.herald.platform.api.PublicEndpoint;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
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

/** Sign-up, sign-in and sign-out. */
@Component(service = AuthResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/auth")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final Accounts accounts;

    @Activate
    public AuthResource(@Reference Accounts accounts) {
        this.accounts = accounts;
    }

    /** Creates a user and their first workspace (or joins the one an invitation names) and signs them in. */
    @POST
    @Path("signup")
    @PublicEndpoint
    public Response signup(IdentityViews.SignupRequest body, @Context HttpServletRequest request) {
        IdentityViews.Session session = accounts.signup(body, Requests.client(request));
        return withCookies(Response.status(Response.Status.CREATED), session, request).entity(session).build();
    }

    @POST
    @Path("login")
    @PublicEndpoint
    public Response login(IdentityViews.LoginRequest body, @Context HttpServletRequest request) {
        IdentityViews.Session session = accounts.login(body, Requests.client(request));
        return withCookies(Response.ok(), session, request).entity(session).build();
    }

    /** Ends the session this request was made with. */
    @POST
    @Path("logout")
    public Response logout(@Context HttpServletRequest request) {
        Caller caller = Caller.of(request);
        if (caller.sessionId() == null) {
            throw Problem.badRequest(null, "API keys have no session; revoke the key instead");
        }
        accounts.logout(caller.sessionId(), caller.userId(), Requests.client(request));
        return cleared(request);
    }

    /** Ends every session of the signed-in user, on every device. */
    @POST
    @Path("logout-all")
    public Response logoutEverywhere(@Context HttpServletRequest request) {
        Caller caller = Caller.of(request);
        if (caller.userId() == null) {
            throw Problem.badRequest(null, "API keys have no sessions; revoke the key instead");
        }
        accounts.logoutEverywhere(caller.userId(), Requests.client(request));
        return cleared(request);
    }

    private static Response cleared(HttpServletRequest request) {
        Response.ResponseBuilder response = Response.noContent();
        for (String cookie : SessionCookies.clear(Requests.secure(request))) {
            response.header("Set-Cookie", cookie);
        }
        return response.build();
    }

    private static Response.ResponseBuilder withCookies(Response.ResponseBuilder response,
                                                        IdentityViews.Session session, HttpServletRequest request) {
        for (String cookie : SessionCookies.issue(session.token(), session.csrfToken(), session.expiresAt(),
                Requests.secure(request))) {
            response.header("Set-Cookie", cookie);
        }
        return response;
    }
}
