package io.herald.platform.internal.rest;

import io.herald.platform.api.Caller;
import io.herald.platform.api.PluginInfo;
import io.herald.platform.api.Plugins;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/v1/plugins}: the plugins a workspace can connect to, with the form each needs. Operators
 * also see which bundle and version provides each.
 */
@Component(service = PluginResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/plugins")
public class PluginResource {

    private final Plugins plugins;

    @Activate
    public PluginResource(@Reference Plugins plugins) {
        this.plugins = plugins;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<PluginInfo> list(@Context HttpServletRequest request) {
        boolean operator = Caller.of(request).operator();
        return plugins.list().stream()
                .map(p -> operator ? p : new PluginInfo(p.id(), p.name(), p.description(), p.kind(), null, null,
                        p.state(), p.configSchema()))
                .toList();
    }
}
