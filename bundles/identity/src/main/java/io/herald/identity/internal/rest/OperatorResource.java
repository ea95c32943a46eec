package io.herald.identity.internal.rest;

import io.herald.identity.internal.Accounts;
import io.herald.platform.api.OperatorOnly;
import io.herald.platform.api.Page;
import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The server's users and workspaces, for operators: what {@code herald:user-list} and {@code herald:workspace-list} show. */
@Component(service = OperatorResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/operator")
@Produces(MediaType.APPLICATION_JSON)
@OperatorOnly
public class OperatorResource {

    private final Accounts accounts;

    @Activate
    public OperatorResource(@Reference Accounts accounts) {
        this.accounts = accounts;
    }

    @GET
    @Path("users")
    public List<IdentityViews.User> users(@QueryParam("limit") Integer limit) {
        return accounts.users(Page.limit(limit));
    }

    @GET
    @Path("workspaces")
    public List<Accounts.WorkspaceSummary> workspaces(@QueryParam("limit") Integer limit) {
        return accounts.allWorkspaces(Page.limit(limit));
    }
}
