package io.herald.identity.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.identity.api.AuditLog;
import io.herald.identity.internal.rest.IdentityViews;
import io.herald.identity.internal.store.AuditEventEntity;
import io.herald.platform.api.Ids;
import io.herald.platform.api.Json;
import io.herald.platform.api.Page;
import io.herald.platform.api.TenantScope;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Component(service = {AuditLog.class, AuditTrail.class})
public class AuditTrail implements AuditLog {

    private static final String INSERT = "INSERT INTO audit_event (id, workspace_id, actor, action, target, detail, "
            + "ip, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

    private final Logger logger = LoggerFactory.getLogger(AuditTrail.class);
    private final JpaTemplate jpa;
    private final TenantScope tenants;
    private final Json json;

    @Activate
    public AuditTrail(@Reference(target = "(osgi.unit.name=herald-identity)") JpaTemplate jpa,
                      @Reference TenantScope tenants, @Reference Json json, @Reference IdentitySchema schema) {
        this.jpa = jpa;
        this.tenants = tenants;
        this.json = json;
    }

    @Override
    public void record(EntityManager em, String workspaceId, String actor, String action, String target,
                       Map<String, Object> detail, String ip) {
        // Native so it also works in a transaction that entered no single workspace (a login touches several).
        em.createNativeQuery(INSERT)
                .setParameter(1, Ids.newId())
                .setParameter(2, workspaceId)
                .setParameter(3, actor)
                .setParameter(4, action)
                .setParameter(5, target)
                .setParameter(6, detail == null || detail.isEmpty() ? null : json.write(detail))
                .setParameter(7, ip)
                .setParameter(8, OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
        logger.info("Audit {} in workspace {} by {} on {}", action, workspaceId, actor == null ? "system" : actor,
                target);
    }

    /** Newest first. */
    public Page<IdentityViews.AuditEvent> list(String workspaceId, String cursor, int limit, String action) {
        return jpa.txExpr(TransactionType.Required, em -> {
            tenants.enter(em, workspaceId);
            StringBuilder jpql = new StringBuilder("SELECT a FROM AuditEventEntity a WHERE 1 = 1");
            if (cursor != null) {
                jpql.append(" AND a.id < :cursor");
            }
            if (action != null) {
                jpql.append(" AND a.action = :action");
            }
            jpql.append(" ORDER BY a.id DESC");
            TypedQuery<AuditEventEntity> query = em.createQuery(jpql.toString(), AuditEventEntity.class);
            if (cursor != null) {
                query.setParameter("cursor", cursor);
            }
            if (action != null) {
                query.setParameter("action", action);
            }
            List<AuditEventEntity> rows = query.setMaxResults(limit + 1).getResultList();
            return Page.of(rows, limit, a -> a.id).map(this::view);
        });
    }

    private IdentityViews.AuditEvent view(AuditEventEntity a) {
        JsonNode detail = null;
        if (a.detail != null) {
            try {
                detail = json.mapper().readTree(a.detail);
            } catch (Exception e) {
                detail = json.mapper().getNodeFactory().textNode(a.detail);
            }
        }
        return new IdentityViews.AuditEvent(a.id, a.actor, a.action, a.target, detail, a.ip, instant(a.createdAt));
    }

    static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
