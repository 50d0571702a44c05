package io.omnichannel.gateway.routing.core;

import java.util.Objects;

/**
 * One assignment decided by {@link DecisionCore}: {@code work} goes to the agent {@code agentId}. The core
 * has already applied it (the item is no longer waiting, the agent's load on the item's channel is one
 * higher); the caller commits it or, if the commit fails, reloads the affected rows.
 */
public record Decision(WorkRequest work, String agentId) {

    public Decision {
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(agentId, "agentId");
    }
}
