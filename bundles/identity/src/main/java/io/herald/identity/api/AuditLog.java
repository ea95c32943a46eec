package io.herald.identity.api;

import java.util.Map;
import javax.persistence.EntityManager;

/**
 * A workspace's audit log of security-relevant events, readable by its admins. Recording goes through the
 * caller's entity manager, so the entry commits with the change it describes.
 */
public interface AuditLog {

    /**
     * @param actor  who did it, as {@code user:<id>} or {@code key:<id>}, or null for the system
     * @param action dotted name, for example {@code api_key.created}
     * @param target what it was done to, for example {@code api_key:<id>}
     * @param detail small JSON-able facts; never secrets
     */
    void record(EntityManager em, String workspaceId, String actor, String action, String target,
                Map<String, Object> detail, String ip);
}
