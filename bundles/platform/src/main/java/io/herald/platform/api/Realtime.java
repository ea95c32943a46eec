package io.herald.platform.api;

/** Pushes a workspace's events to the members connected to its stream, on every node. */
public interface Realtime {

    void broadcast(DomainEvent event);

    /** Connected streams on this node, for metrics. */
    int connections();
}
