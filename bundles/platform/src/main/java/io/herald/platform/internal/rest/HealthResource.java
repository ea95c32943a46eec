package io.herald.platform.internal.rest;

import io.herald.platform.api.Database;
import io.herald.platform.api.PublicEndpoint;
import io.herald.platform.api.SchemaMigrations;
import io.herald.platform.api.SchemaMigrations.MigrationStatus;
import java.sql.Connection;
import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/v1/health} for load balancers: 200 when the database answers and every schema migration
 * succeeded, 503 otherwise, with what is wrong.
 */
@Component(service = HealthResource.class)
@JaxrsResource
@JSONRequired
@PublicEndpoint
@Path("/api/v1/health")
public class HealthResource {

    public record Health(String status, String database, String dialect, List<MigrationStatus> migrations,
                         List<String> waiting) {
    }

    private final Database database;
    private final SchemaMigrations migrations;
    private final ServiceComponentRuntime scr;

    @Activate
    public HealthResource(@Reference Database database, @Reference SchemaMigrations migrations,
                          @Reference ServiceComponentRuntime scr) {
        this.database = database;
        this.migrations = migrations;
        this.scr = scr;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        boolean databaseUp;
        try (Connection connection = database.dataSource().getConnection()) {
            databaseUp = connection.isValid(2);
        } catch (Exception e) {
            databaseUp = false;
        }
        List<MigrationStatus> status = migrations.status();
        boolean migrated = !status.isEmpty() && status.stream().allMatch(MigrationStatus::ok);
        List<String> waiting = waitingComponents();
        boolean up = databaseUp && migrated && waiting.isEmpty();
        Health health = new Health(up ? "UP" : "DOWN", databaseUp ? "UP" : "DOWN",
                database.dialect().name().toLowerCase(), status, waiting);
        return Response.status(up ? 200 : 503).entity(health).build();
    }

    /**
     * Herald components (io.herald.* bundles) that are enabled but not running: a missing service, a failed
     * migration or activation. Until there are none the node is not ready for traffic.
     */
    private List<String> waitingComponents() {
        List<String> waiting = new java.util.ArrayList<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (!description.bundle.symbolicName.startsWith("io.herald.")) {
                continue;
            }
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE
                        || configuration.state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION
                        || configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    waiting.add(description.name + (configuration.failure != null ? ": " + firstLine(configuration.failure)
                            : ""));
                }
            }
        }
        return waiting;
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
