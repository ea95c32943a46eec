package io.herald.platform.internal.plugins;

import io.herald.platform.api.Connections;
import io.herald.platform.api.Ids;
import io.herald.platform.api.Json;
import io.herald.platform.api.Outbox;
import io.herald.platform.api.Page;
import io.herald.platform.api.PluginInfo;
import io.herald.platform.api.Problem;
import io.herald.platform.api.Secrets;
import io.herald.platform.api.TenantScope;
import io.herald.platform.internal.store.PlatformSchema;
import io.herald.sdk.api.ConfigField;
import io.herald.sdk.api.ConfigSchema;
import io.herald.sdk.api.Connection;
import io.herald.sdk.api.PluginDescriptor;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Workspaces' connections to plugins. The configuration is checked against the plugin's schema; values of
 * secret fields are sealed with the server key, bound to the connection, and never leave through the API.
 */
@Component(service = {Connections.class, ConnectionStore.class})
public class ConnectionStore implements Connections {

    /** Stored form of a configuration: plain values, and which of them are sealed secrets. */
    record Stored(Map<String, String> values, List<String> sealed) {
        Stored {
            values = new LinkedHashMap<>(values);
            sealed = List.copyOf(sealed);
        }
    }

    /** A connection as the API shows it: secret fields say only whether they are set. */
    public record View(String id, String plugin, String name, Map<String, String> config, List<String> secretsSet,
                       Double ratePerSecond, java.time.Instant createdAt, java.time.Instant updatedAt) {
    }

    /** @param ratePerSecond messages per second this connection may send; null keeps the plugin's default */
    public record Request(String plugin, String name, Map<String, String> config, Double ratePerSecond) {
    }

    private final Logger logger = LoggerFactory.getLogger(ConnectionStore.class);
    private final JpaTemplate jpa;
    private final TenantScope tenants;
    private final Secrets secrets;
    private final Json json;
    private final PluginRegistry plugins;
    private final Outbox outbox;

    @Activate
    public ConnectionStore(@Reference(target = "(osgi.unit.name=herald-platform)") JpaTemplate jpa,
                           @Reference TenantScope tenants, @Reference Secrets secrets, @Reference Json json,
                           @Reference PluginRegistry plugins, @Reference Outbox outbox,
                           @Reference PlatformSchema schema) {
        this.jpa = jpa;
        this.tenants = tenants;
        this.secrets = secrets;
        this.json = json;
        this.plugins = plugins;
        this.outbox = outbox;
    }

    public View create(String workspaceId, Request request, String actor) {
        String pluginId = request.plugin();
        if (pluginId == null || pluginId.isBlank()) {
            throw Problem.badRequest("plugin", "plugin is required, for example \"channel-sandbox\"");
        }
        PluginDescriptor plugin = plugins.find(pluginId).orElseThrow(() -> Problem.badRequest("plugin",
                "no plugin '" + pluginId + "' is installed; installed: "
                        + plugins.list().stream().map(PluginInfo::id).toList()));
        String name = name(request.name());
        Map<String, String> config = request.config() == null ? Map.of() : request.config();
        validate(plugin.configSchema(), config);
        return jpa.txExpr(TransactionType.Required, em -> {
            tenants.enter(em, workspaceId);
            ConnectionEntity entity = new ConnectionEntity();
            entity.id = Ids.newId();
            entity.pluginId = pluginId;
            entity.name = name;
            entity.ratePerSecond = rate(request.ratePerSecond());
            entity.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            entity.updatedAt = entity.createdAt;
            entity.config = json.write(seal(workspaceId, entity.id, plugin.configSchema(),
                    plugin.configSchema().withDefaults(config), new Stored(Map.of(), List.of())));
            em.persist(entity);
            outbox.publish(em, workspaceId, "connection.created", Map.of("connectionId", entity.id, "plugin",
                    pluginId, "name", name));
            logger.info("Connection {} to {} created in workspace {} by {}", entity.id, pluginId, workspaceId, actor);
            return view(entity);
        });
    }

    public Page<View> list(String workspaceId, String cursor, int limit) {
        return jpa.txExpr(TransactionType.Required, em -> {
            tenants.enter(em, workspaceId);
            String jpql = "SELECT c FROM ConnectionEntity c" + (cursor != null ? " WHERE c.id > :cursor" : "")
                    + " ORDER BY c.id";
            var query = em.createQuery(jpql, ConnectionEntity.class);
            if (cursor != null) {
                query.setParameter("cursor", cursor);
            }
            return Page.of(query.setMaxResults(limit + 1).getResultList(), limit, c -> c.id)
                    .map(c -> view(c));
        });
    }

    public View get(String workspaceId, String connectionId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            ConnectionEntity entity = find(em, workspaceId, connectionId);
            return view(entity);
        });
    }

    /** Changes the name and/or configuration; a secret field left out keeps its stored value. */
    public View update(String workspaceId, String connectionId, Request request, String actor) {
        return jpa.txExpr(TransactionType.Required, em -> {
            ConnectionEntity entity = find(em, workspaceId, connectionId);
            if (request.plugin() != null && !request.plugin().equals(entity.pluginId)) {
                throw Problem.badRequest("plugin", "a connection's plugin cannot change; create another connection");
            }
            if (request.name() != null) {
                entity.name = name(request.name());
            }
            if (request.ratePerSecond() != null) {
                entity.ratePerSecond = rate(request.ratePerSecond());
            }
            if (request.config() != null) {
                PluginDescriptor plugin = plugins.find(entity.pluginId).orElseThrow(() -> Problem.unavailable(
                        "plugin " + entity.pluginId + " is not running; its configuration cannot be checked now"));
                ConfigSchema schema = plugin.configSchema();
                Stored stored = read(entity.config);
                // A secret the request leaves out keeps its sealed value: clients never see secrets to send back.
                Stored kept = new Stored(Map.of(), List.of());
                for (ConfigField field : schema.fields()) {
                    if (field.secret() && !request.config().containsKey(field.name())
                            && stored.sealed().contains(field.name())) {
                        kept.values().put(field.name(), stored.values().get(field.name()));
                    }
                }
                Map<String, String> check = new LinkedHashMap<>(request.config());
                kept.values().keySet().forEach(name -> check.put(name, "set"));
                validate(schema, check);
                entity.config = json.write(seal(workspaceId, entity.id, schema,
                        schema.withDefaults(request.config()), kept));
            }
            entity.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            outbox.publish(em, workspaceId, "connection.updated", Map.of("connectionId", entity.id));
            logger.info("Connection {} of workspace {} updated by {}", entity.id, workspaceId, actor);
            return view(entity);
        });
    }

    public void delete(String workspaceId, String connectionId, String actor) {
        jpa.tx(TransactionType.Required, em -> {
            ConnectionEntity entity = find(em, workspaceId, connectionId);
            em.remove(entity);
            outbox.publish(em, workspaceId, "connection.deleted", Map.of("connectionId", connectionId));
            logger.info("Connection {} of workspace {} deleted by {}", connectionId, workspaceId, actor);
        });
    }

    /** Asks the plugin to check the connection's credentials with its provider. */
    public void test(String workspaceId, String connectionId) {
        Connection connection = open(workspaceId, connectionId)
                .orElseThrow(() -> Problem.notFound("connection " + connectionId));
        PluginDescriptor plugin = plugins.find(connection.pluginId())
                .orElseThrow(() -> Problem.unavailable("plugin " + connection.pluginId() + " is not running"));
        try {
            plugin.check(connection);
        } catch (io.herald.sdk.api.PermanentFailure e) {
            throw new Problem(422, "Connection test failed", e.getMessage(), "config", Map.of());
        } catch (io.herald.sdk.api.TransientFailure e) {
            throw new Problem(502, "Provider unavailable", e.getMessage(), null, Map.of());
        } catch (RuntimeException e) {
            logger.warn("Plugin {} failed testing connection {} of workspace {}", plugin.id(), connectionId,
                    workspaceId, e);
            throw new Problem(502, "Connection test failed", "the plugin failed: " + e.getMessage(), null, Map.of());
        }
    }

    @Override
    public Optional<Connection> open(String workspaceId, String connectionId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            tenants.enter(em, workspaceId);
            ConnectionEntity entity = Ids.isValid(connectionId) ? em.find(ConnectionEntity.class, connectionId) : null;
            if (entity == null) {
                return Optional.empty();
            }
            Stored stored = read(entity.config);
            Map<String, String> opened = new LinkedHashMap<>(stored.values());
            for (String name : stored.sealed()) {
                opened.put(name, secrets.decrypt(stored.values().get(name), context(workspaceId, entity.id, name)));
            }
            return Optional.of(new Connection(workspaceId, entity.id, entity.pluginId, entity.name, opened));
        });
    }

    /**
     * A connection found by id alone, for webhooks: the provider's URL names the connection, not the workspace.
     */
    public Optional<Connection> openAnyWorkspace(String connectionId) {
        String workspaceId = jpa.txExpr(TransactionType.Required, em -> {
            tenants.enter(em, TenantScope.SYSTEM);
            @SuppressWarnings("unchecked")
            List<Object> rows = em.createNativeQuery("SELECT workspace_id FROM plugin_connection WHERE id = ?1")
                    .setParameter(1, connectionId).getResultList();
            return rows.isEmpty() ? null : (String) rows.get(0);
        });
        return workspaceId == null ? Optional.empty() : open(workspaceId, connectionId);
    }

    private ConnectionEntity find(EntityManager em, String workspaceId, String connectionId) {
        tenants.enter(em, workspaceId);
        ConnectionEntity entity = Ids.isValid(connectionId) ? em.find(ConnectionEntity.class, connectionId) : null;
        if (entity == null) {
            throw Problem.notFound("connection " + connectionId);
        }
        return entity;
    }

    /** Seals the secret fields of {@code fresh} and adds the {@code kept} (already sealed) ones. */
    private Stored seal(String workspaceId, String connectionId, ConfigSchema schema, Map<String, String> fresh,
                        Stored kept) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> sealed = new java.util.ArrayList<>(kept.values().keySet());
        fresh.forEach((key, value) -> {
            if (value == null || (value.isEmpty() && isSecret(schema, key))) {
                return;
            }
            if (isSecret(schema, key)) {
                values.put(key, secrets.encrypt(value, context(workspaceId, connectionId, key)));
                sealed.add(key);
            } else {
                values.put(key, value);
            }
        });
        values.putAll(kept.values());
        return new Stored(values, sealed);
    }

    private static String context(String workspaceId, String connectionId, String field) {
        return "connection:" + workspaceId + ":" + connectionId + ":" + field;
    }

    private Stored read(String config) {
        try {
            return json.mapper().readValue(config, Stored.class);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable connection configuration", e);
        }
    }

    private View view(ConnectionEntity entity) {
        Stored stored = read(entity.config);
        Map<String, String> shown = new LinkedHashMap<>(stored.values());
        stored.sealed().forEach(shown::remove);
        return new View(entity.id, entity.pluginId, entity.name, shown, stored.sealed(), entity.ratePerSecond,
                entity.createdAt.toInstant(), entity.updatedAt.toInstant());
    }

    private static boolean isSecret(ConfigSchema schema, String field) {
        return schema != null && schema.fields().stream().anyMatch(f -> f.name().equals(field) && f.secret());
    }

    private static void validate(ConfigSchema schema, Map<String, String> config) {
        List<ConfigSchema.Violation> violations = schema.validate(config);
        if (!violations.isEmpty()) {
            ConfigSchema.Violation first = violations.get(0);
            throw new Problem(400, "Invalid configuration", first.message(), "config." + first.field(),
                    Map.of("violations", violations));
        }
    }

    /**
     * Messages per second a connection may send: its own limit, else its plugin's default; 0 when unlimited.
     */
    public double ratePerSecond(String workspaceId, String connectionId, String pluginId) {
        Double own = jpa.txExpr(TransactionType.Required, em -> {
            tenants.enter(em, workspaceId);
            ConnectionEntity entity = em.find(ConnectionEntity.class, connectionId);
            return entity == null ? null : entity.ratePerSecond;
        });
        if (own != null && own > 0) {
            return own;
        }
        return plugins.find(pluginId).map(PluginDescriptor::defaultRatePerSecond).orElse(0.0);
    }

    private static Double rate(Double value) {
        if (value == null) {
            return null;
        }
        if (value.isNaN() || value < 0 || value > 100_000) {
            throw Problem.badRequest("ratePerSecond", "ratePerSecond must be between 0 (no limit of its own) and 100000");
        }
        return value == 0 ? null : value;
    }

    private static String name(String name) {
        if (name == null || name.isBlank()) {
            throw Problem.badRequest("name", "name is required");
        }
        if (name.length() > 200) {
            throw Problem.badRequest("name", "name must have at most 200 characters");
        }
        return name.trim();
    }
}
