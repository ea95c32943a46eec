package io.herald.identity.internal.store;

import java.time.OffsetDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** One security-relevant event of a workspace. Append-only. */
@Entity
@Table(name = "audit_event")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "workspace_id", contextProperty = "eclipselink.tenant-id")
public class AuditEventEntity {
    @Id
    public String id;
    public String actor;
    public String action;
    public String target;
    /** JSON object text. */
    public String detail;
    public String ip;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
