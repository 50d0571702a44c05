package io.omnichannel.gateway.routing.rest;

import io.omnichannel.gateway.routing.domain.Agent;
import io.omnichannel.gateway.routing.domain.Presence;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** An agent as the API shows it. */
public record AgentView(String id, String name, Map<String, Integer> channels, Set<String> skills, Set<String> teams,
        Presence presence, Instant presenceChangedAt, Instant lastAssignedAt) {

    static AgentView of(Agent agent) {
        Map<String, Integer> channels = new TreeMap<>();
        agent.capacities.forEach((channel, capacity) -> channels.put(channel.wireName(), capacity));
        return new AgentView(agent.id, agent.name, channels, agent.skills(), agent.teams(), agent.presence,
                agent.presenceChangedAt, agent.lastAssignedAt);
    }
}
