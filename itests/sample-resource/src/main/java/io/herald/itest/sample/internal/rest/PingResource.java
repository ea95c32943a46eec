package io.herald.itest.sample.internal.rest;

import io.herald.platform.api.PublicEndpoint;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/v1/itest-ping}: served while this bundle is active, gone (404) once it stops. Registered exactly
 * like a domain bundle's resources, with no wiring beyond the whiteboard annotations.
 */
@Component(service = PingResource.class)
@JaxrsResource
@JSONRequired
@PublicEndpoint
@Path("/api/v1/itest-ping")
public class PingResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> ping() {
        return Map.of("pong", true, "bundle", "io.herald.itest.sample");
    }
}
