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

    public record Health(String status, String database, String dialect, List<MigrationStatus> migrations) {
    }

    private final Database database;
    private final SchemaMigrations migrations;

    @Activate
    public HealthResource(@Reference Database database, @Reference SchemaMigrations migrations) {
        this.database = database;
        this.migrations = migrations;
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
        boolean up = databaseUp && migrated;
        Health health = new Health(up ? "UP" : "DOWN", databaseUp ? "UP" : "DOWN",
                database.dialect().name().toLowerCase(), status);
        return Response.status(up ? 200 : 503).entity(health).build();
    }
}
