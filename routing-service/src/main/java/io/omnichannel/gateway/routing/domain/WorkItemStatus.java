package io.omnichannel.gateway.routing.domain;

/**
 * WAITING in the queue → OFFERED to an agent (counts against their capacity until accepted,
 * rejected or expired) → ASSIGNED → RESOLVED. A rejected or expired offer goes back to WAITING.
 */
public enum WorkItemStatus {
    WAITING, OFFERED, ASSIGNED, RESOLVED
}
