package io.herald.identity.internal.store;

import java.time.OffsetDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** The tenant. Its id is the tenant discriminator of every workspace-owned row. */
@Entity
@Table(name = "workspace")
public class WorkspaceEntity {
    @Id
    public String id;
    public String name;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;
}
