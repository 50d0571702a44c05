package io.omnichannel.gateway.routing.core;

import io.omnichannel.gateway.contract.Channel;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An agent as the router sees it.
 *
 * @param id the agent's id
 * @param capacity how many conversations the agent holds at once, per channel; a channel without an
 *        entry (or with 0) is one the agent does not take
 * @param skills what the agent can do, matched against a work item's required and optional skills
 * @param teams the teams the agent belongs to, matched against a work item's eligible teams
 */
public record AgentProfile(String id, Map<Channel, Integer> capacity, Set<String> skills, Set<String> teams) {

    public AgentProfile {
        Objects.requireNonNull(id, "id");
        capacity = capacity == null ? Map.of() : Map.copyOf(capacity);
        capacity.forEach((channel, slots) -> {
            if (slots < 0) {
                throw new IllegalArgumentException("capacity of agent " + id + " on " + channel + " is negative: " + slots);
            }
        });
        skills = skills == null ? Set.of() : Set.copyOf(skills);
        teams = teams == null ? Set.of() : Set.copyOf(teams);
    }

    /** How many conversations the agent holds at once on {@code channel}; 0 if it does not take the channel. */
    public int capacityOn(Channel channel) {
        return capacity.getOrDefault(channel, 0);
    }
}
