package io.omnichannel.gateway.routing.rest;

import io.omnichannel.gateway.routing.domain.Tags;
import io.omnichannel.gateway.routing.domain.WorkItem;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** A conversation as the router sees it. */
public record WorkItemView(String workItemId, String conversationKey, String channel, String inbox, String status,
        String priority, String agentId, Instant arrivedAt, Instant dueAt, Instant warnAt, String slaState,
        boolean awaitingResponse, Instant offerExpiresAt, Set<String> requiredSkills, Set<String> optionalSkills,
        String teamId, long ageSeconds) {

    static WorkItemView of(WorkItem item, Instant now) {
        return new WorkItemView(item.id.toString(), item.conversationKey, item.channel.wireName(), item.inbox,
                item.status.name().toLowerCase(), item.priority.name().toLowerCase(), item.assignedAgentId,
                item.arrivedAt, item.dueAt, item.warnAt, item.slaState.name().toLowerCase(), item.awaitingResponse,
                item.offerExpiresAt, Tags.parse(item.requiredSkills), Tags.parse(item.optionalSkills), item.teamId,
                Duration.between(item.clockStartedAt, now).toSeconds());
    }
}
