package io.omnichannel.gateway.conversation.domain;

import io.omnichannel.gateway.contract.Channel;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Which conversations a list shows; an empty criterion matches all, the criteria combine. */
public record ConversationFilter(
        Optional<String> assigneeAgentId,
        Set<ConversationStatus> statuses,
        Optional<Channel> channel,
        Optional<String> inbox,
        Optional<String> teamId,
        Optional<SlaState> slaState,
        Optional<String> text,
        Optional<UUID> customerId,
        Optional<String> conversationKey) {

    public static ConversationFilter none() {
        return new ConversationFilter(Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public ConversationFilter withAssignee(String agentId) {
        return new ConversationFilter(Optional.of(agentId), statuses, channel, inbox, teamId, slaState, text,
                customerId, conversationKey);
    }

    public ConversationFilter withCustomer(UUID customer) {
        return new ConversationFilter(assigneeAgentId, statuses, channel, inbox, teamId, slaState, text,
                Optional.of(customer), conversationKey);
    }
}
