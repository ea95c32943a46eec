package io.herald.platform.internal.rest;

import io.herald.platform.api.BodyLimit;
import io.herald.platform.api.OperatorOnly;
import io.herald.platform.internal.plugins.PluginDeployer;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Operators install, update and remove plugins without a shell: {@code POST /api/v1/operator/plugins} with the
 * bundle jar as the body ({@code application/java-archive} or {@code application/octet-stream}) answers 202;
 * the plugin is active within seconds ({@code GET /api/v1/plugins}). Posting a newer jar of the same plugin
 * updates it while its queued work waits.
 */
@Component(service = PluginDeployResource.class)
@JaxrsResource
@JSONRequired
@Path("/api/v1/operator/plugins")
@OperatorOnly
public class PluginDeployResource {

    static final long MAX_BUNDLE_BYTES = 64L * 1024 * 1024;

    private final PluginDeployer deployer;

    @Activate
    public PluginDeployResource(@Reference PluginDeployer deployer) {
        this.deployer = deployer;
    }

    @POST
    @Consumes({"application/java-archive", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @BodyLimit(bytes = MAX_BUNDLE_BYTES)
    public Response deploy(InputStream body) throws IOException {
        return Response.accepted(deployer.deploy(body.readAllBytes())).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<String> deployed() {
        return deployer.deployedFiles();
    }

    @DELETE
    @Path("{symbolicName}")
    public Response undeploy(@PathParam("symbolicName") String symbolicName) {
        deployer.undeploy(symbolicName);
        return Response.noContent().build();
    }
}
