package io.herald.identity.internal.store;

import java.time.OffsetDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/** An invitation to join a workspace with a role; only the SHA-256 of its token is kept. */
@Entity
@Table(name = "invitation")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "workspace_id", contextProperty = "eclipselink.tenant-id")
public class InvitationEntity {
    @Id
    public String id;
    public String email;
    public String role;
    @Column(name = "token_hash")
    public String tokenHash;
    @Column(name = "invited_by")
    public String invitedBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;
    @Column(name = "accepted_at")
    public OffsetDateTime acceptedAt;
    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;
}
