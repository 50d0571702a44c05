package io.omnichannel.gateway.contract;

import java.time.Instant;
import java.util.Objects;

/**
 * An agent's presence as set from their desktop, published to the compacted {@link Topics#AGENTS}
 * keyed by agent id, so the latest state of every agent stays on the topic.
 *
 * @param presence {@code ONLINE}, {@code AWAY} or {@code OFFLINE}
 */
public record AgentState(String agentId, String presence, Instant occurredAt) {
    public AgentState {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(presence, "presence");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
