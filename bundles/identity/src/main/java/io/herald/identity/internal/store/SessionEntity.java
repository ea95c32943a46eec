package io.herald.identity.internal.store;

import java.time.OffsetDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A signed-in session; only the SHA-256 of its token is kept. */
@Entity
@Table(name = "auth_session")
public class SessionEntity {
    @Id
    public String id;
    @Column(name = "user_id")
    public String userId;
    @Column(name = "token_hash")
    public String tokenHash;
    @Column(name = "csrf_token")
    public String csrfToken;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;
    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;
    public String ip;
    @Column(name = "user_agent")
    public String userAgent;
}
