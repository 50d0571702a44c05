package io.omnichannel.gateway.conversation.service;

import io.omnichannel.gateway.conversation.domain.Conversation;
import io.omnichannel.gateway.conversation.domain.PageCursor;
import java.util.List;
import java.util.Optional;

/**
 * One page of a customer's conversations on every channel, newest first, whoever handled them; each says
 * whether the agent who asked may open it.
 */
public record CustomerHistory(List<Entry> items, Optional<PageCursor> next) {

    public record Entry(Conversation conversation, boolean openable) {
    }
}
