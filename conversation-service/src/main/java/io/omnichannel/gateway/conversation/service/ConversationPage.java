package io.omnichannel.gateway.conversation.service;

import io.omnichannel.gateway.conversation.domain.Conversation;
import io.omnichannel.gateway.conversation.domain.PageCursor;
import java.util.List;
import java.util.Optional;

/** One page of a conversation list, and where the next one starts when there is more. */
public record ConversationPage(List<Conversation> items, Optional<PageCursor> next) {
}
