package io.omnichannel.gateway.conversation.service;

import io.omnichannel.gateway.conversation.domain.Conversation;
import io.omnichannel.gateway.conversation.domain.ConversationEvent;
import io.omnichannel.gateway.conversation.domain.TimelineKind;
import io.omnichannel.gateway.conversation.repository.ConversationEventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;

/** Records notes and system events on a conversation's timeline, in the caller's transaction. */
@ApplicationScoped
public class Timeline {

    private final ConversationEventRepository events;

    Timeline(ConversationEventRepository events) {
        this.events = events;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ConversationEvent record(Conversation conversation, TimelineKind kind, String actor, String text,
            Map<String, Object> data, Instant at) {
        ConversationEvent event = ConversationEvent.of(conversation.id(), kind, actor, text, data, at);
        events.persist(event);
        return event;
    }
}
