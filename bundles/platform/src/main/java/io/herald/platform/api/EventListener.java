package io.herald.platform.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives domain events after they committed. Register as an OSGi service. Delivery is at least once:
 * use {@link DomainEvent#id()} to ignore a repeat. An exception makes the platform deliver it again later.
 */
@ConsumerType
public interface EventListener {

    /** Event types wanted; an empty answer means all. Prefixes ending in {@code .} match families. */
    default java.util.Set<String> types() {
        return java.util.Set.of();
    }

    void onEvent(DomainEvent event) throws Exception;
}
