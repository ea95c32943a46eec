package io.herald.identity.internal;

import io.herald.identity.internal.auth.LoginThrottle;
import io.herald.identity.internal.auth.PasswordHasher;
import io.herald.identity.internal.auth.Tokens;
import io.herald.identity.internal.rest.IdentityViews;
import io.herald.identity.internal.store.MembershipEntity;
import io.herald.identity.internal.store.SessionEntity;
import io.herald.identity.internal.store.UserEntity;
import io.herald.identity.internal.store.WorkspaceEntity;
import io.herald.platform.api.Ids;
import io.herald.platform.api.Problem;
import io.herald.platform.api.TenantScope;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sign-up, sign-in and sessions. */
@Component(service = Accounts.class, configurationPid = "io.herald.identity")
@Designate(ocd = Accounts.Config.class)
public class Accounts {

    @ObjectClassDefinition(name = "Herald identity")
    public @interface Config {
        @AttributeDefinition(description = "Hours a session stays valid after sign-in")
        int sessionTtlHours() default 720;

        @AttributeDefinition(description = "Whether anyone may sign up (false: only invited users and operators)")
        boolean openSignup() default true;
    }

    /** Argon2id takes ~19 MiB per hash: bound how many run at once so a login burst cannot exhaust memory. */
    private static final Semaphore HASHING = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()));
    private static final String DECOY = PasswordHasher.decoy();

    public record Client(String ip, String userAgent) {
    }

    private final Logger logger = LoggerFactory.getLogger(Accounts.class);
    private final JpaTemplate jpa;
    private final TenantScope tenants;
    private final Workspaces workspaces;
    private final AuditTrail audit;
    private final LoginThrottle throttle;
    private final Duration sessionTtl;
    private final boolean openSignup;

    @Activate
    public Accounts(@Reference(target = "(osgi.unit.name=herald-identity)") JpaTemplate jpa,
                    @Reference TenantScope tenants, @Reference Workspaces workspaces, @Reference AuditTrail audit,
                    @Reference LoginThrottle throttle, @Reference IdentitySchema schema, Config config) {
        this.jpa = jpa;
        this.tenants = tenants;
        this.workspaces = workspaces;
        this.audit = audit;
        this.throttle = throttle;
        this.sessionTtl = Duration.ofHours(Math.max(1, config.sessionTtlHours()));
        this.openSignup = config.openSignup();
    }

    public IdentityViews.Session signup(IdentityViews.SignupRequest request, Client client) {
        String email = Inputs.email("email", request.email());
        String password = Inputs.password("password", request.password());
        String name = Inputs.name("name", request.name());
        boolean invited = request.invitation() != null;
        if (!invited) {
            Inputs.name("workspace", request.workspace());
            if (!openSignup) {
                throw Problem.forbidden("sign-up is by invitation only on this server");
            }
        }
        String hash = hashed(() -> PasswordHasher.hash(password));
        return jpa.txExpr(TransactionType.Required, em -> {
            Long taken = em.createQuery("SELECT COUNT(u) FROM UserEntity u WHERE u.email = :email", Long.class)
                    .setParameter("email", email).getSingleResult();
            if (taken > 0) {
                throw Problem.conflict("email", "an account with this email already exists; sign in instead");
            }
            UserEntity user = newUser(em, email, name, hash, false);
            WorkspaceEntity workspace = invited
                    ? workspaces.accept(em, request.invitation(), user, client.ip())
                    : workspaces.create(em, request.workspace(), user.id, client.ip());
            MembershipEntity member = em.find(MembershipEntity.class, new MembershipEntity.Key(workspace.id, user.id));
            Issued issued = openSession(em, user, client);
            logger.info("User {} signed up into workspace {}", user.id, workspace.id);
            return new IdentityViews.Session(issued.token(), issued.session().expiresAt.toInstant(),
                    issued.session().csrfToken, view(user), Workspaces.view(workspace, member.role));
        });
    }

    public IdentityViews.Session login(IdentityViews.LoginRequest request, Client client) {
        String email = Inputs.email("email", request.email());
        String password = Inputs.required("password", request.password());
        if (password.length() > Inputs.MAX_PASSWORD) {
            throw Problem.badRequest("password", "password must have at most " + Inputs.MAX_PASSWORD + " characters");
        }
        throttle.check(email, client.ip());
        UserEntity user = jpa.txExpr(TransactionType.Supports, em -> findByEmail(em, email));
        boolean ok = hashed(() -> PasswordHasher.verify(password, user == null ? DECOY : user.passwordHash));
        if (!ok || user == null || user.disabledAt != null) {
            throttle.failed(email, client.ip());
            if (user != null) {
                jpa.tx(TransactionType.Required, em -> auditEverywhere(em, user, "auth.login_failed",
                        Map.of("reason", user.disabledAt != null ? "disabled" : "wrong password"), client.ip()));
            }
            logger.info("Failed login for {} from {}", email, client.ip());
            throw Problem.unauthorized("email or password is wrong");
        }
        throttle.succeeded(email);
        return jpa.txExpr(TransactionType.Required, em -> {
            Issued issued = openSession(em, user, client);
            auditEverywhere(em, user, "auth.login_succeeded", Map.of(), client.ip());
            return new IdentityViews.Session(issued.token(), issued.session().expiresAt.toInstant(),
                    issued.session().csrfToken, view(user), null);
        });
    }

    public void logout(String sessionId, String userId, Client client) {
        jpa.tx(TransactionType.Required, em -> {
            SessionEntity session = em.find(SessionEntity.class, sessionId);
            if (session != null && session.revokedAt == null) {
                session.revokedAt = Workspaces.now();
            }
        });
        logger.info("User {} signed out of session {}", userId, sessionId);
    }

    /** Revokes every session of the user: the answer to a lost laptop. */
    public int logoutEverywhere(String userId, Client client) {
        return jpa.txExpr(TransactionType.Required, em -> {
            int revoked = em.createQuery("UPDATE SessionEntity s SET s.revokedAt = :now WHERE s.userId = :user "
                            + "AND s.revokedAt IS NULL").setParameter("now", Workspaces.now())
                    .setParameter("user", userId).executeUpdate();
            UserEntity user = em.find(UserEntity.class, userId);
            auditEverywhere(em, user, "auth.logout_everywhere", Map.of("sessions", revoked), client.ip());
            return revoked;
        });
    }

    /** Changes the password after checking the current one, and signs out every other session. */
    public void changePassword(String userId, String sessionId, IdentityViews.PasswordChange change, Client client) {
        String current = Inputs.required("currentPassword", change.currentPassword());
        String next = Inputs.password("newPassword", change.newPassword());
        UserEntity user = jpa.txExpr(TransactionType.Supports, em -> em.find(UserEntity.class, userId));
        throttle.check(user.email, client.ip());
        if (!hashed(() -> PasswordHasher.verify(current, user.passwordHash))) {
            throttle.failed(user.email, client.ip());
            throw Problem.badRequest("currentPassword", "the current password is wrong");
        }
        String hash = hashed(() -> PasswordHasher.hash(next));
        jpa.tx(TransactionType.Required, em -> {
            UserEntity managed = em.find(UserEntity.class, userId);
            managed.passwordHash = hash;
            int revoked = em.createQuery("UPDATE SessionEntity s SET s.revokedAt = :now WHERE s.userId = :user "
                            + "AND s.revokedAt IS NULL AND s.id <> :current").setParameter("now", Workspaces.now())
                    .setParameter("user", userId).setParameter("current", sessionId == null ? "" : sessionId)
                    .executeUpdate();
            auditEverywhere(em, managed, "auth.password_changed", Map.of("otherSessionsEnded", revoked),
                    client.ip());
        });
    }

    public IdentityViews.Me me(String userId) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            UserEntity user = em.find(UserEntity.class, userId);
            if (user == null) {
                throw Problem.unauthorized("unknown user");
            }
            List<Object[]> rows = em.createQuery("SELECT w, m.role FROM WorkspaceEntity w, MembershipEntity m "
                            + "WHERE m.workspaceId = w.id AND m.userId = :user AND w.deletedAt IS NULL ORDER BY w.id",
                    Object[].class).setParameter("user", userId).setMaxResults(1000).getResultList();
            return new IdentityViews.Me(view(user), rows.stream()
                    .map(row -> Workspaces.view((WorkspaceEntity) row[0], (String) row[1])).toList());
        });
    }

    /** Creates a server operator (shell, first start). Fails when the email is taken. */
    public IdentityViews.User createOperator(String email, String name, String password) {
        String normalized = Inputs.email("email", email);
        Inputs.password("password", password);
        String hash = hashed(() -> PasswordHasher.hash(password));
        return jpa.txExpr(TransactionType.Required, em -> {
            UserEntity existing = findByEmail(em, normalized);
            if (existing != null) {
                throw Problem.conflict("email", "a user with this email already exists");
            }
            UserEntity user = newUser(em, normalized, Inputs.name("name", name), hash, true);
            logger.info("Operator {} ({}) created", user.id, normalized);
            return view(user);
        });
    }

    public boolean hasOperator() {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "SELECT COUNT(u) FROM UserEntity u WHERE u.operator = TRUE", Long.class).getSingleResult() > 0);
    }

    public List<IdentityViews.User> users(int limit) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "SELECT u FROM UserEntity u ORDER BY u.id", UserEntity.class)
                .setMaxResults(limit).getResultList().stream().map(Accounts::view).toList());
    }

    public record WorkspaceSummary(String id, String name, long members, java.time.Instant createdAt,
                                   boolean deleted) {
    }

    public List<WorkspaceSummary> allWorkspaces(int limit) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "SELECT w, (SELECT COUNT(m) FROM MembershipEntity m WHERE m.workspaceId = w.id) "
                                + "FROM WorkspaceEntity w ORDER BY w.id", Object[].class)
                .setMaxResults(limit).getResultList().stream().map(row -> {
                    WorkspaceEntity w = (WorkspaceEntity) row[0];
                    return new WorkspaceSummary(w.id, w.name, ((Number) row[1]).longValue(),
                            AuditTrail.instant(w.createdAt), w.deletedAt != null);
                }).toList());
    }

    private record Issued(String token, SessionEntity session) {
    }

    private Issued openSession(EntityManager em, UserEntity user, Client client) {
        String token = Tokens.newSession();
        SessionEntity session = new SessionEntity();
        session.id = Ids.newId();
        session.userId = user.id;
        session.tokenHash = Tokens.sha256(token);
        session.csrfToken = Tokens.random(24);
        session.createdAt = Workspaces.now();
        session.expiresAt = session.createdAt.plus(sessionTtl);
        session.ip = client.ip();
        session.userAgent = client.userAgent() == null ? null
                : client.userAgent().substring(0, Math.min(300, client.userAgent().length()));
        em.persist(session);
        return new Issued(token, session);
    }

    private static UserEntity newUser(EntityManager em, String email, String name, String hash, boolean operator) {
        UserEntity user = new UserEntity();
        user.id = Ids.newId();
        user.email = email;
        user.name = name;
        user.passwordHash = hash;
        user.operator = operator;
        user.createdAt = Workspaces.now();
        em.persist(user);
        em.flush();
        return user;
    }

    private static UserEntity findByEmail(EntityManager em, String email) {
        List<UserEntity> users = em.createQuery("SELECT u FROM UserEntity u WHERE u.email = :email", UserEntity.class)
                .setParameter("email", email).getResultList();
        return users.isEmpty() ? null : users.get(0);
    }

    /** A user's sign-ins show in the audit log of every workspace they belong to. */
    private void auditEverywhere(EntityManager em, UserEntity user, String action, Map<String, Object> detail,
                                 String ip) {
        List<String> workspaceIds = em.createQuery("SELECT m.workspaceId FROM MembershipEntity m WHERE m.userId = :u",
                String.class).setParameter("u", user.id).getResultList();
        if (workspaceIds.isEmpty()) {
            return;
        }
        tenants.enter(em, TenantScope.SYSTEM);
        for (String workspaceId : workspaceIds) {
            audit.record(em, workspaceId, "user:" + user.id, action, "user:" + user.id, detail, ip);
        }
    }

    static IdentityViews.User view(UserEntity u) {
        return new IdentityViews.User(u.id, u.email, u.name, u.operator, AuditTrail.instant(u.createdAt));
    }

    private static <T> T hashed(Supplier<T> work) {
        try {
            HASHING.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Problem.unavailable("interrupted");
        }
        try {
            return work.get();
        } finally {
            HASHING.release();
        }
    }
}
