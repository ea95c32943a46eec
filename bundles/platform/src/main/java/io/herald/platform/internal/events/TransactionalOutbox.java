package io.herald.platform.internal.events;

import io.herald.platform.api.Ids;
import io.herald.platform.api.Json;
import io.herald.platform.api.Outbox;
import io.herald.platform.internal.store.NativeSql;
import io.herald.platform.internal.store.PlatformSchema;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.persistence.EntityManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = {Outbox.class, TransactionalOutbox.class})
public class TransactionalOutbox implements Outbox {

    static final String INSERT = "INSERT INTO outbox_event (id, workspace_id, type, payload, occurred_at, attempts) "
            + "VALUES (?, ?, ?, ?, ?, 0)";

    private final Json json;
    private final CopyOnWriteArrayList<Runnable> wakeUps = new CopyOnWriteArrayList<>();

    @Activate
    public TransactionalOutbox(@Reference Json json, @Reference PlatformSchema schema) {
        this.json = json;
    }

    @Override
    public String publish(EntityManager em, String workspaceId, String type, Object payload) {
        String id = Ids.newId();
        em.createNativeQuery(NativeSql.numbered(INSERT))
                .setParameter(1, id)
                .setParameter(2, workspaceId)
                .setParameter(3, type)
                .setParameter(4, payload instanceof String text ? text : json.write(payload))
                .setParameter(5, Instant.now().atOffset(ZoneOffset.UTC))
                .executeUpdate();
        wakeUps.forEach(Runnable::run);
        return id;
    }

    /** The same on a plain JDBC connection, in the caller's transaction (hot paths that bypass JPA). */
    public String publish(java.sql.Connection connection, String workspaceId, String type, Object payload)
            throws java.sql.SQLException {
        String id = Ids.newId();
        try (java.sql.PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, id);
            insert.setString(2, workspaceId);
            insert.setString(3, type);
            insert.setString(4, payload instanceof String text ? text : json.write(payload));
            insert.setObject(5, Instant.now().atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
        wakeUps.forEach(Runnable::run);
        return id;
    }

    void onPublish(Runnable wakeUp) {
        wakeUps.add(wakeUp);
    }

    void removeWakeUp(Runnable wakeUp) {
        wakeUps.remove(wakeUp);
    }
}
