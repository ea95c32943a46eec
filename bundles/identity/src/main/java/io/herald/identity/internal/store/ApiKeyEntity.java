package io.herald.identity.internal.store;

import java.time.OffsetDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** A workspace's API key: the prefix identifies it, only the SHA-256 of its secret is kept. */
@Entity
@Table(name = "api_key")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "workspace_id", contextProperty = "eclipselink.tenant-id")
public class ApiKeyEntity {
    @Id
    public String id;
    public String name;
    public String prefix;
    @Column(name = "secret_hash")
    public String secretHash;
    /** Space-separated. */
    public String scopes;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "last_used_at")
    public OffsetDateTime lastUsedAt;
    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;
}
