package io.omnichannel.gateway.conversation.service;

import io.omnichannel.gateway.conversation.domain.ConversationEvent;
import io.omnichannel.gateway.conversation.domain.Message;
import io.omnichannel.gateway.conversation.domain.TimelineCursor;
import java.util.List;
import java.util.Optional;

/** One page of a conversation's timeline. */
public record TimelinePage(List<Entry> entries, Optional<TimelineCursor> next) {

    /** A message or an event (exactly one is set). */
    public record Entry(Message message, ConversationEvent event, long seq) {
    }
}
