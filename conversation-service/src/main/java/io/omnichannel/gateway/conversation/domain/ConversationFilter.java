package io.omnichannel.gateway.conversation.domain;

import java.util.Optional;

/** Which conversations a list shows; an empty criterion matches all. */
public record ConversationFilter(Optional<String> assigneeAgentId, Optional<ConversationStatus> status,
        Optional<String> conversationKey) {
}
