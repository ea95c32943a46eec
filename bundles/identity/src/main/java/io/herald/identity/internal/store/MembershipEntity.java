package io.herald.identity.internal.store;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/**
 * A user's role in a workspace. Read from both sides (a workspace's members, a user's workspaces), so it is
 * keyed by both and not tenant-filtered; every query names the workspace or the user explicitly.
 */
@Entity
@Table(name = "membership")
@IdClass(MembershipEntity.Key.class)
public class MembershipEntity {
    @Id
    @Column(name = "workspace_id")
    public String workspaceId;
    @Id
    @Column(name = "user_id")
    public String userId;
    public String role;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public String workspaceId;
        public String userId;

        public Key() {
        }

        public Key(String workspaceId, String userId) {
            this.workspaceId = workspaceId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(workspaceId, k.workspaceId) && Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(workspaceId, userId);
        }
    }
}
