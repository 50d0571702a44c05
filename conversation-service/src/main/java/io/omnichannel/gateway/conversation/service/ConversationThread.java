package io.omnichannel.gateway.conversation.service;

import io.omnichannel.gateway.conversation.domain.Conversation;
import io.omnichannel.gateway.conversation.domain.Message;
import java.util.List;

/** A conversation with its customer and its latest messages in arrival order. */
public record ConversationThread(Conversation conversation, List<Message> messages) {
}
