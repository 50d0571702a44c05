package io.omnichannel.gateway.routing.domain;

/** A work item waits in the queue until it is assigned to an agent. */
public enum WorkItemStatus {
    WAITING, ASSIGNED
}
