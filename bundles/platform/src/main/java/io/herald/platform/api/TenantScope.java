package io.herald.platform.api;

import java.sql.Connection;
import java.sql.SQLException;
import javax.persistence.EntityManager;

/**
 * Puts a transaction in one workspace. Call it first in every transaction that touches tenant-owned rows:
 * it sets EclipseLink's tenant discriminator (every JPA query and {@code find} is then filtered by
 * {@code workspace_id}) and, on PostgreSQL, the {@code herald.workspace_id} setting that the row-level
 * security policies check, the second wall behind the first.
 */
public interface TenantScope {

    /** The EclipseLink context property that carries the tenant id. */
    String TENANT_PROPERTY = "eclipselink.tenant-id";

    /** Value of {@code herald.workspace_id} that lets platform code (job claims, auth lookups) read across tenants. */
    String SYSTEM = "*";

    void enter(EntityManager em, String workspaceId);

    /** The same for plain JDBC on a connection inside a transaction (hot paths that bypass JPA). */
    void enter(Connection connection, String workspaceId) throws SQLException;
}
