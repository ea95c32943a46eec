package io.herald.identity.internal;

import io.herald.identity.internal.auth.Tokens;
import io.herald.identity.internal.rest.IdentityViews;
import io.herald.identity.internal.store.ApiKeyEntity;
import io.herald.platform.api.Caller;
import io.herald.platform.api.Ids;
import io.herald.platform.api.Page;
import io.herald.platform.api.Problem;
import io.herald.platform.api.TenantScope;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A workspace's API keys. A key acts only in its workspace and only within its scopes: {@code area:read},
 * {@code area:write} (which includes read) where the area is the path segment after the workspace, for
 * example {@code contacts:write} for {@code /workspaces/{id}/contacts}, or {@code *} for everything.
 */
@Component(service = ApiKeys.class)
public class ApiKeys {

    static final Pattern SCOPE = Pattern.compile("^(\\*|[a-z][a-z0-9-]{0,40}:(read|write))$");
    static final int MAX_KEYS = 100;

    private final JpaTemplate jpa;
    private final TenantScope tenants;
    private final AuditTrail audit;

    @Activate
    public ApiKeys(@Reference(target = "(osgi.unit.name=herald-identity)") JpaTemplate jpa,
                   @Reference TenantScope tenants, @Reference AuditTrail audit, @Reference IdentitySchema schema) {
        this.jpa = jpa;
        this.tenants = tenants;
        this.audit = audit;
    }

    public IdentityViews.ApiKey create(Caller caller, IdentityViews.ApiKeyRequest request, String ip) {
        String workspaceId = caller.requireWorkspace();
        String name = Inputs.name("name", request.name());
        Set<String> scopes = scopes(request.scopes());
        Tokens.ApiKeySecret secret = Tokens.newApiKey();
        return jpa.txExpr(TransactionType.Required, em -> {
            tenants.enter(em, workspaceId);
            long live = em.createQuery("SELECT COUNT(k) FROM ApiKeyEntity k WHERE k.revokedAt IS NULL", Long.class)
                    .getSingleResult();
            if (live >= MAX_KEYS) {
                throw Problem.conflict("name", "a workspace can have at most " + MAX_KEYS + " active API keys");
            }
            ApiKeyEntity key = new ApiKeyEntity();
            key.id = Ids.newId();
            key.name = name;
            key.prefix = secret.prefix();
            key.secretHash = Tokens.sha256(secret.secret());
            key.scopes = String.join(" ", scopes);
            key.createdBy = caller.principalId();
            key.createdAt = Workspaces.now();
            em.persist(key);
            audit.record(em, workspaceId, caller.principalId(), "api_key.created", "api_key:" + key.id,
                    Map.of("name", name, "prefix", key.prefix, "scopes", List.copyOf(scopes)), ip);
            return view(key, secret.full());
        });
    }

    public Page<IdentityViews.ApiKey> list(Caller caller, String cursor, int limit) {
        String workspaceId = caller.requireWorkspace();
        return jpa.txExpr(TransactionType.Required, em -> {
            tenants.enter(em, workspaceId);
            String jpql = "SELECT k FROM ApiKeyEntity k" + (cursor != null ? " WHERE k.id > :cursor" : "")
                    + " ORDER BY k.id";
            var query = em.createQuery(jpql, ApiKeyEntity.class);
            if (cursor != null) {
                query.setParameter("cursor", cursor);
            }
            return Page.of(query.setMaxResults(limit + 1).getResultList(), limit, k -> k.id).map(k -> view(k, null));
        });
    }

    public void revoke(Caller caller, String keyId, String ip) {
        String workspaceId = caller.requireWorkspace();
        jpa.tx(TransactionType.Required, em -> {
            tenants.enter(em, workspaceId);
            ApiKeyEntity key = Ids.isValid(keyId) ? em.find(ApiKeyEntity.class, keyId) : null;
            if (key == null) {
                throw Problem.notFound("API key " + keyId);
            }
            if (key.revokedAt == null) {
                key.revokedAt = Workspaces.now();
                audit.record(em, workspaceId, caller.principalId(), "api_key.revoked", "api_key:" + key.id,
                        Map.of("name", key.name, "prefix", key.prefix), ip);
            }
        });
    }

    static Set<String> scopes(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw Problem.badRequest("scopes", "name at least one scope, for example [\"contacts:read\"] or [\"*\"]");
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String scope = requested.get(i);
            if (scope == null || !SCOPE.matcher(scope).matches()) {
                throw Problem.badRequest("scopes[" + i + "]", "'" + scope + "' is not a scope: use area:read, "
                        + "area:write or *");
            }
            scopes.add(scope);
        }
        return scopes;
    }

    static IdentityViews.ApiKey view(ApiKeyEntity k, String secret) {
        return new IdentityViews.ApiKey(k.id, k.name, Tokens.API_KEY + k.prefix, Arrays.asList(k.scopes.split(" ")),
                k.createdBy, AuditTrail.instant(k.createdAt), AuditTrail.instant(k.lastUsedAt),
                AuditTrail.instant(k.revokedAt), secret);
    }
}
