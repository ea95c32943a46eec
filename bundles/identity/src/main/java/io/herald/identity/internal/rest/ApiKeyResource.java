package io.herald.identity.internal.rest;

import io.herald.identity.internal.ApiKeys;
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

/** A workspace's API keys: the secret is in the creating answer only; lists show the prefix. */
@Component(service = ApiKeyResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/workspaces/{workspaceId}/api-keys")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.ADMIN)
public class ApiKeyResource {

    private final ApiKeys keys;

    @Activate
    public ApiKeyResource(@Reference ApiKeys keys) {
        this.keys = keys;
    }

    @GET
    public Page<IdentityViews.ApiKey> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                           @Context HttpServletRequest request) {
        return keys.list(Caller.of(request), Page.cursor(cursor), Page.limit(limit));
    }

    @POST
    public Response create(IdentityViews.ApiKeyRequest body, @Context HttpServletRequest request) {
        IdentityViews.ApiKey key = keys.create(Caller.of(request), body, Requests.ip(request));
        return Response.status(Response.Status.CREATED).entity(key).build();
    }

    @DELETE
    @Path("{keyId}")
    public Response revoke(@PathParam("keyId") String keyId, @Context HttpServletRequest request) {
        keys.revoke(Caller.of(request), keyId, Requests.ip(request));
        return Response.noContent().build();
    }
}
