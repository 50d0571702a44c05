package io.omnichannel.gateway.conversation.service;

import java.time.Instant;
import java.util.Objects;

/**
 * An agent's presence as their desktop set it, published to {@code gateway.agents.v1} keyed by agent id
 * (CloudEvents type {@code io.omnichannel.gateway.agent.state}). Kept here until the event contract has it.
 *
 * @param presence ONLINE, AWAY or OFFLINE
 */
public record AgentState(String agentId, String presence, Instant occurredAt) {

    public AgentState {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(presence, "presence");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
