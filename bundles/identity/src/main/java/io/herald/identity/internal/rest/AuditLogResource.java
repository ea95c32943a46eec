package io.herald.identity.internal.rest;

import io.herald.identity.internal.AuditTrail;
import io.herald.platform.api.Caller;
import io.herald.platform.api.Page;
import io.herald.platform.api.RequiresRole;
import io.herald.platform.api.Role;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code GET /api/v1/workspaces/{id}/audit-log}: newest first, for admins; {@code ?action=} filters. */
@Component(service = AuditLogResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/workspaces/{workspaceId}/audit-log")
@RequiresRole(Role.ADMIN)
public class AuditLogResource {

    private final AuditTrail audit;

    @Activate
    public AuditLogResource(@Reference AuditTrail audit) {
        this.audit = audit;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Page<IdentityViews.AuditEvent> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
                                               @QueryParam("action") String action,
                                               @Context HttpServletRequest request) {
        return audit.list(Caller.of(request).requireWorkspace(), Page.cursor(cursor), Page.limit(limit), action);
    }
}
