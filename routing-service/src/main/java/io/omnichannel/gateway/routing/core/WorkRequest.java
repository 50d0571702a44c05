package io.omnichannel.gateway.routing.core;

import io.omnichannel.gateway.contract.Channel;
import java.util.Comparator;
import java.util.Objects;
import java.util.Set;

/**
 * Waiting work as the router sees it.
 *
 * @param id the work item's id, unique among waiting items
 * @param channel the channel the conversation is on
 * @param dueAtMillis when a first answer is due; already includes priority (the service computes it)
 * @param arrivedAtMillis when the work arrived
 * @param priority 0 (urgent) .. 3 (low): lower is more urgent, a tie-breaker after the due time
 * @param requiredSkills skills an agent must have
 * @param optionalSkills skills an agent must also have until they are dropped
 * @param optionalSkillsDropped true once the optional skills no longer count (the service drops them
 *        after a timeout so that work does not starve)
 * @param eligibleTeams the agent must belong to one of these teams; empty means any team
 * @param excludedAgents agents that must not get this item (for example because they rejected it)
 * @param preferredAgent the agent to try first (sticky routing), or {@code null}
 * @param preferUntilMillis until when the item prefers {@code preferredAgent} (exclusive)
 */
public record WorkRequest(String id, Channel channel, long dueAtMillis, long arrivedAtMillis, int priority,
        Set<String> requiredSkills, Set<String> optionalSkills, boolean optionalSkillsDropped,
        Set<String> eligibleTeams, Set<String> excludedAgents,
        String preferredAgent, long preferUntilMillis) {

    /**
     * Assignment order: earliest due first, then lower priority number, then earliest arrival, then id.
     * Consistent with equals on the id (two distinct waiting items never compare as equal).
     */
    public static final Comparator<WorkRequest> ORDER = WorkRequest::compareInOrder;

    public WorkRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        requiredSkills = requiredSkills == null ? Set.of() : Set.copyOf(requiredSkills);
        optionalSkills = optionalSkills == null ? Set.of() : Set.copyOf(optionalSkills);
        eligibleTeams = eligibleTeams == null ? Set.of() : Set.copyOf(eligibleTeams);
        excludedAgents = excludedAgents == null ? Set.of() : Set.copyOf(excludedAgents);
    }

    /** Work with no skill, team, exclusion or preference constraint. */
    public static WorkRequest of(String id, Channel channel, long dueAtMillis, long arrivedAtMillis, int priority) {
        return new WorkRequest(id, channel, dueAtMillis, arrivedAtMillis, priority, Set.of(), Set.of(), false,
                Set.of(), Set.of(), null, 0L);
    }

    /** Whether the preference for {@link #preferredAgent()} still holds at {@code nowMillis}. */
    public boolean prefersAgentAt(long nowMillis) {
        return preferredAgent != null && nowMillis < preferUntilMillis;
    }

    private static int compareInOrder(WorkRequest a, WorkRequest b) {
        if (a == b) {
            return 0;
        }
        int order = Long.compare(a.dueAtMillis, b.dueAtMillis);
        if (order != 0) {
            return order;
        }
        order = Integer.compare(a.priority, b.priority);
        if (order != 0) {
            return order;
        }
        order = Long.compare(a.arrivedAtMillis, b.arrivedAtMillis);
        return order != 0 ? order : a.id.compareTo(b.id);
    }
}
