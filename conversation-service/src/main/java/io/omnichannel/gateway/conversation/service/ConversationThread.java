package io.omnichannel.gateway.conversation.service;

import io.omnichannel.gateway.conversation.domain.Conversation;
import io.omnichannel.gateway.conversation.domain.Message;
import io.omnichannel.gateway.conversation.domain.TimelineCursor;
import java.util.List;
import java.util.Optional;

/**
 * A conversation with its customer and its latest messages in arrival order; {@code older} is where the
 * messages before those continue, when there are any.
 */
public record ConversationThread(Conversation conversation, List<Message> messages, Optional<TimelineCursor> older) {
}
