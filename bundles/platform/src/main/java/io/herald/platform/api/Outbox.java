package io.herald.platform.api;

import javax.persistence.EntityManager;

/**
 * The transactional outbox. Publishing writes the event through the caller's entity manager, so the event
 * commits or rolls back with the change that caused it; the platform then delivers it at least once to every
 * {@link EventListener} and to the workspace's realtime stream.
 */
public interface Outbox {

    /**
     * @param payload any value Jackson can write as a JSON object
     * @return the event id
     */
    String publish(EntityManager em, String workspaceId, String type, Object payload);
}
