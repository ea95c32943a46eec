package io.herald.platform.internal.store;

import io.herald.platform.api.Database;
import io.herald.platform.api.Problem;
import io.herald.platform.api.TenantScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.persistence.EntityManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = TenantScope.class)
public class WorkspaceTenantScope implements TenantScope {

    static final String SET_WORKSPACE = "SELECT set_config('herald.workspace_id', ?, true)";

    private final Database database;

    @Activate
    public WorkspaceTenantScope(@Reference Database database) {
        this.database = database;
    }

    @Override
    public void enter(EntityManager em, String workspaceId) {
        if (workspaceId == null || workspaceId.isEmpty()) {
            throw Problem.forbidden("no workspace chosen");
        }
        Object current = em.getProperties().get(TENANT_PROPERTY);
        if (current != null && !current.equals(workspaceId)) {
            // Aries shares one EntityManager per transaction: two tenants in one transaction is a bug.
            throw new IllegalStateException("transaction already belongs to another workspace");
        }
        em.setProperty(TENANT_PROPERTY, workspaceId);
        if (database.isPostgres()) {
            em.createNativeQuery(NativeSql.numbered(SET_WORKSPACE)).setParameter(1, workspaceId).getSingleResult();
        }
    }

    @Override
    public void enter(Connection connection, String workspaceId) throws SQLException {
        if (database.isPostgres()) {
            try (PreparedStatement statement = connection.prepareStatement(SET_WORKSPACE)) {
                statement.setString(1, workspaceId);
                statement.execute();
            }
        }
    }
}
