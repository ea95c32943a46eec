package io.herald.identity.internal;

import io.herald.identity.internal.auth.Tokens;
import io.herald.identity.internal.rest.IdentityViews;
import io.herald.identity.internal.store.InvitationEntity;
import io.herald.identity.internal.store.MembershipEntity;
import io.herald.identity.internal.store.UserEntity;
import io.herald.identity.internal.store.WorkspaceEntity;
import io.herald.platform.api.Caller;
import io.herald.platform.api.Ids;
import io.herald.platform.api.Outbox;
import io.herald.platform.api.Page;
import io.herald.platform.api.Problem;
import io.herald.platform.api.Role;
import io.herald.platform.api.TenantScope;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Workspaces, their members and roles, and invitations to join them. */
@Component(service = Workspaces.class)
public class Workspaces {

    static final Duration INVITATION_TTL = Duration.ofDays(7);

    private final JpaTemplate jpa;
    private final TenantScope tenants;
    private final Outbox outbox;
    private final AuditTrail audit;

    @Activate
    public Workspaces(@Reference(target = "(osgi.unit.name=herald-identity)") JpaTemplate jpa,
                      @Reference TenantScope tenants, @Reference Outbox outbox, @Reference AuditTrail audit,
                      @Reference IdentitySchema schema) {
        this.jpa = jpa;
        this.tenants = tenants;
        this.outbox = outbox;
        this.audit = audit;
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    // ---- workspaces -------------------------------------------------------------------------------------

    /** Creates a workspace with {@code owner} as its owner, in the caller's transaction. */
    WorkspaceEntity create(EntityManager em, String name, String ownerId, String ip) {
        WorkspaceEntity workspace = new WorkspaceEntity();
        workspace.id = Ids.newId();
        workspace.name = Inputs.name("name", name);
        tenants.enter(em, workspace.id);
        workspace.createdAt = now();
        em.persist(workspace);
        // EclipseLink orders inserts by entity type, not by persist(): the workspace must exist before its member.
        em.flush();
        MembershipEntity owner = new MembershipEntity();
        owner.workspaceId = workspace.id;
        owner.userId = ownerId;
        owner.role = Role.OWNER.wireName();
        owner.createdAt = workspace.createdAt;
        em.persist(owner);
        em.flush();
        audit.record(em, workspace.id, "user:" + ownerId, "workspace.created", "workspace:" + workspace.id,
                Map.of("name", workspace.name), ip);
        outbox.publish(em, workspace.id, "workspace.created", Map.of("workspaceId", workspace.id, "name",
                workspace.name));
        return workspace;
    }

    public IdentityViews.Workspace create(String name, Caller caller, String ip) {
        requireUser(caller);
        return jpa.txExpr(TransactionType.Required, em -> {
            WorkspaceEntity workspace = create(em, name, caller.userId(), ip);
            return view(workspace, Role.OWNER.wireName());
        });
    }

    public Page<IdentityViews.Workspace> listFor(String userId, String cursor, int limit) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            StringBuilder jpql = new StringBuilder("SELECT w, m.role FROM WorkspaceEntity w, MembershipEntity m "
                    + "WHERE m.workspaceId = w.id AND m.userId = :user AND w.deletedAt IS NULL");
            if (cursor != null) {
                jpql.append(" AND w.id > :cursor");
            }
            jpql.append(" ORDER BY w.id");
            var query = em.createQuery(jpql.toString(), Object[].class).setParameter("user", userId);
            if (cursor != null) {
                query.setParameter("cursor", cursor);
            }
            List<Object[]> rows = query.setMaxResults(limit + 1).getResultList();
            return Page.of(rows, limit, row -> ((WorkspaceEntity) row[0]).id)
                    .map(row -> view((WorkspaceEntity) row[0], (String) row[1]));
        });
    }

    public IdentityViews.Workspace get(Caller caller) {
        return jpa.txExpr(TransactionType.Supports, em -> view(live(em, caller.requireWorkspace()), role(caller)));
    }

    public IdentityViews.Workspace rename(Caller caller, String name, String ip) {
        return jpa.txExpr(TransactionType.Required, em -> {
            tenants.enter(em, caller.requireWorkspace());
            WorkspaceEntity workspace = live(em, caller.requireWorkspace());
            String previous = workspace.name;
            workspace.name = Inputs.name("name", name);
            audit.record(em, workspace.id, caller.principalId(), "workspace.updated", "workspace:" + workspace.id,
                    Map.of("name", workspace.name, "previousName", previous), ip);
            outbox.publish(em, workspace.id, "workspace.updated", Map.of("workspaceId", workspace.id, "name",
                    workspace.name));
            return view(workspace, role(caller));
        });
    }

    /** Soft delete: the workspace and everything in it answer 404 from now on; rows stay for the retention job. */
    public void delete(Caller caller, String ip) {
        jpa.tx(TransactionType.Required, em -> {
            tenants.enter(em, caller.requireWorkspace());
            WorkspaceEntity workspace = live(em, caller.requireWorkspace());
            workspace.deletedAt = now();
            audit.record(em, workspace.id, caller.principalId(), "workspace.deleted", "workspace:" + workspace.id,
                    Map.of("name", workspace.name), ip);
            outbox.publish(em, workspace.id, "workspace.deleted", Map.of("workspaceId", workspace.id));
        });
    }

    private static WorkspaceEntity live(EntityManager em, String workspaceId) {
        WorkspaceEntity workspace = em.find(WorkspaceEntity.class, workspaceId);
        if (workspace == null || workspace.deletedAt != null) {
            throw Problem.notFound("workspace " + workspaceId);
        }
        return workspace;
    }

    private static String role(Caller caller) {
        return caller.role() == null ? null : caller.role().wireName();
    }

    static IdentityViews.Workspace view(WorkspaceEntity w, String role) {
        return new IdentityViews.Workspace(w.id, w.name, role, AuditTrail.instant(w.createdAt));
    }

    // ---- members ----------------------------------------------------------------------------------------

    public Page<IdentityViews.Member> members(Caller caller, String cursor, int limit) {
        String workspaceId = caller.requireWorkspace();
        return jpa.txExpr(TransactionType.Supports, em -> {
            StringBuilder jpql = new StringBuilder("SELECT m, u FROM MembershipEntity m, UserEntity u "
                    + "WHERE u.id = m.userId AND m.workspaceId = :ws");
            if (cursor != null) {
                jpql.append(" AND m.userId > :cursor");
            }
            jpql.append(" ORDER BY m.userId");
            var query = em.createQuery(jpql.toString(), Object[].class).setParameter("ws", workspaceId);
            if (cursor != null) {
                query.setParameter("cursor", cursor);
            }
            List<Object[]> rows = query.setMaxResults(limit + 1).getResultList();
            return Page.of(rows, limit, row -> ((MembershipEntity) row[0]).userId).map(row -> {
                MembershipEntity m = (MembershipEntity) row[0];
                UserEntity u = (UserEntity) row[1];
                return new IdentityViews.Member(u.id, u.email, u.name, m.role, AuditTrail.instant(m.createdAt));
            });
        });
    }

    /**
     * Admins manage editors, viewers and other admins; only owners make or unmake owners; the last owner
     * cannot step down, so a workspace always has someone who can delete it.
     */
    public IdentityViews.Member changeRole(Caller caller, String userId, String roleName, String ip) {
        Role newRole = Role.parse(roleName);
        String workspaceId = caller.requireWorkspace();
        return jpa.txExpr(TransactionType.Required, em -> {
            tenants.enter(em, workspaceId);
            MembershipEntity member = membership(em, workspaceId, userId);
            Role oldRole = Role.parse(member.role);
            boolean ownersInvolved = oldRole == Role.OWNER || newRole == Role.OWNER;
            if (ownersInvolved && caller.role() != Role.OWNER) {
                throw Problem.forbidden("only owners can grant or remove the owner role");
            }
            if (oldRole == Role.OWNER && newRole != Role.OWNER) {
                requireAnotherOwner(em, workspaceId, userId);
            }
            member.role = newRole.wireName();
            UserEntity user = em.find(UserEntity.class, userId);
            audit.record(em, workspaceId, caller.principalId(), "member.role_changed", "user:" + userId,
                    Map.of("from", oldRole.wireName(), "to", newRole.wireName(), "email", user.email), ip);
            outbox.publish(em, workspaceId, "member.role_changed", Map.of("userId", userId, "from",
                    oldRole.wireName(), "to", newRole.wireName()));
            return new IdentityViews.Member(user.id, user.email, user.name, member.role,
                    AuditTrail.instant(member.createdAt));
        });
    }

    /** Removes a member; members may also remove themselves (leave), except the last owner. */
    public void removeMember(Caller caller, String userId, String ip) {
        String workspaceId = caller.requireWorkspace();
        boolean self = userId.equals(caller.userId());
        if (!self && (caller.role() == null || !caller.role().atLeast(Role.ADMIN))) {
            throw Problem.forbidden("only admins can remove other members");
        }
        jpa.tx(TransactionType.Required, em -> {
            tenants.enter(em, workspaceId);
            MembershipEntity member = membership(em, workspaceId, userId);
            if (Role.OWNER.wireName().equals(member.role)) {
                if (!self && caller.role() != Role.OWNER) {
                    throw Problem.forbidden("only owners can remove an owner");
                }
                requireAnotherOwner(em, workspaceId, userId);
            }
            em.remove(member);
            audit.record(em, workspaceId, caller.principalId(), self ? "member.left" : "member.removed",
                    "user:" + userId, Map.of("role", member.role), ip);
            outbox.publish(em, workspaceId, "member.removed", Map.of("userId", userId));
        });
    }

    private static MembershipEntity membership(EntityManager em, String workspaceId, String userId) {
        MembershipEntity member = Ids.isValid(userId)
                ? em.find(MembershipEntity.class, new MembershipEntity.Key(workspaceId, userId)) : null;
        if (member == null) {
            throw Problem.notFound("member " + userId);
        }
        return member;
    }

    private static void requireAnotherOwner(EntityManager em, String workspaceId, String leavingUserId) {
        // Lock the owners so two owners cannot both step down at once and leave none.
        List<MembershipEntity> owners = em.createQuery("SELECT m FROM MembershipEntity m WHERE m.workspaceId = :ws "
                        + "AND m.role = 'owner'", MembershipEntity.class)
                .setParameter("ws", workspaceId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (owners.stream().noneMatch(o -> !o.userId.equals(leavingUserId))) {
            throw Problem.conflict("role", "a workspace needs at least one owner: make someone else owner first");
        }
    }

    // ---- invitations ------------------------------------------------------------------------------------

    public IdentityViews.Invitation invite(Caller caller, IdentityViews.InvitationRequest request, String ip) {
        String workspaceId = caller.requireWorkspace();
        String email = Inputs.email("email", request.email());
        Role role = Role.parse(Inputs.required("role", request.role()));
        if (role == Role.OWNER && caller.role() != Role.OWNER) {
            throw Problem.forbidden("only owners can invite owners");
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            tenants.enter(em, workspaceId);
            Long already = em.createQuery("SELECT COUNT(m) FROM MembershipEntity m, UserEntity u WHERE "
                            + "u.id = m.userId AND m.workspaceId = :ws AND u.email = :email", Long.class)
                    .setParameter("ws", workspaceId).setParameter("email", email).getSingleResult();
            if (already > 0) {
                throw Problem.conflict("email", email + " is already a member");
            }
            String token = Tokens.newInvitation();
            InvitationEntity invitation = new InvitationEntity();
            invitation.id = Ids.newId();
            invitation.email = email;
            invitation.role = role.wireName();
            invitation.tokenHash = Tokens.sha256(token);
            invitation.invitedBy = caller.principalId();
            invitation.createdAt = now();
            invitation.expiresAt = invitation.createdAt.plus(INVITATION_TTL);
            em.persist(invitation);
            audit.record(em, workspaceId, caller.principalId(), "invitation.created", "invitation:" + invitation.id,
                    Map.of("email", email, "role", role.wireName()), ip);
            // The email channel (a later module) listens for this event and sends the link; the token is not in it.
            outbox.publish(em, workspaceId, "invitation.created", Map.of("invitationId", invitation.id, "email",
                    email, "role", role.wireName()));
            return view(invitation, token);
        });
    }

    public Page<IdentityViews.Invitation> invitations(Caller caller, String cursor, int limit) {
        String workspaceId = caller.requireWorkspace();
        return jpa.txExpr(TransactionType.Required, em -> {
            tenants.enter(em, workspaceId);
            String jpql = "SELECT i FROM InvitationEntity i WHERE i.acceptedAt IS NULL AND i.revokedAt IS NULL"
                    + (cursor != null ? " AND i.id > :cursor" : "") + " ORDER BY i.id";
            var query = em.createQuery(jpql, InvitationEntity.class);
            if (cursor != null) {
                query.setParameter("cursor", cursor);
            }
            return Page.of(query.setMaxResults(limit + 1).getResultList(), limit, i -> i.id).map(i -> view(i, null));
        });
    }

    public void revokeInvitation(Caller caller, String invitationId, String ip) {
        String workspaceId = caller.requireWorkspace();
        jpa.tx(TransactionType.Required, em -> {
            tenants.enter(em, workspaceId);
            InvitationEntity invitation = Ids.isValid(invitationId) ? em.find(InvitationEntity.class, invitationId) : null;
            if (invitation == null || invitation.revokedAt != null || invitation.acceptedAt != null) {
                throw Problem.notFound("invitation " + invitationId);
            }
            invitation.revokedAt = now();
            audit.record(em, workspaceId, caller.principalId(), "invitation.revoked", "invitation:" + invitationId,
                    Map.of("email", invitation.email), ip);
        });
    }

    /**
     * Accepts an invitation for {@code user} in the caller's transaction. The token is looked up across
     * workspaces (the user does not know the workspace yet); it must be addressed to the user's email.
     */
    WorkspaceEntity accept(EntityManager em, String token, UserEntity user, String ip) {
        if (token == null || !token.startsWith(Tokens.INVITATION)) {
            throw Problem.badRequest("invitation", "not an invitation token");
        }
        tenants.enter(em, TenantScope.SYSTEM);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, workspace_id, email, role, expires_at, accepted_at, "
                + "revoked_at FROM invitation WHERE token_hash = ?1").setParameter(1, Tokens.sha256(token))
                .getResultList();
        if (rows.isEmpty() || rows.get(0)[5] != null || rows.get(0)[6] != null) {
            throw Problem.notFound("invitation");
        }
        Object[] row = rows.get(0);
        String invitationId = (String) row[0];
        String workspaceId = (String) row[1];
        if (!user.email.equals(row[2])) {
            throw Problem.forbidden("this invitation was sent to another email address");
        }
        if (expired(row[4])) {
            throw Problem.conflict("invitation", "this invitation has expired; ask for a new one");
        }
        WorkspaceEntity workspace = live(em, workspaceId);
        if (em.find(MembershipEntity.class, new MembershipEntity.Key(workspaceId, user.id)) == null) {
            MembershipEntity member = new MembershipEntity();
            member.workspaceId = workspaceId;
            member.userId = user.id;
            member.role = (String) row[3];
            member.createdAt = now();
            em.persist(member);
        }
        em.createNativeQuery("UPDATE invitation SET accepted_at = ?1 WHERE id = ?2")
                .setParameter(1, now()).setParameter(2, invitationId).executeUpdate();
        audit.record(em, workspaceId, "user:" + user.id, "member.joined", "user:" + user.id,
                Map.of("email", user.email, "role", row[3]), ip);
        outbox.publish(em, workspaceId, "member.joined", Map.of("userId", user.id, "role", row[3]));
        return workspace;
    }

    public IdentityViews.Workspace accept(String token, Caller caller, String ip) {
        requireUser(caller);
        return jpa.txExpr(TransactionType.Required, em -> {
            UserEntity user = em.find(UserEntity.class, caller.userId());
            WorkspaceEntity workspace = accept(em, token, user, ip);
            MembershipEntity member = em.find(MembershipEntity.class, new MembershipEntity.Key(workspace.id, user.id));
            return view(workspace, member.role);
        });
    }

    private static boolean expired(Object expiresAt) {
        OffsetDateTime at = expiresAt instanceof OffsetDateTime o ? o
                : expiresAt instanceof java.sql.Timestamp t ? t.toInstant().atOffset(ZoneOffset.UTC)
                : OffsetDateTime.parse(expiresAt.toString());
        return at.isBefore(now());
    }

    private static IdentityViews.Invitation view(InvitationEntity i, String token) {
        return new IdentityViews.Invitation(i.id, i.email, i.role, i.invitedBy, AuditTrail.instant(i.createdAt),
                AuditTrail.instant(i.expiresAt), AuditTrail.instant(i.acceptedAt), AuditTrail.instant(i.revokedAt),
                token);
    }

    static void requireUser(Caller caller) {
        if (caller.userId() == null) {
            throw Problem.forbidden("API keys cannot do this; sign in as a user");
        }
    }
}
