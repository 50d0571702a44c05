package io.omnichannel.gateway.conversation.service;

import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.conversation.domain.Conversation;
import io.omnichannel.gateway.conversation.domain.ConversationKeyParts;
import io.omnichannel.gateway.conversation.domain.Message;
import io.omnichannel.gateway.conversation.repository.MessageRepository;
import io.omnichannel.gateway.conversation.repository.ProcessedEventRepository;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/** Files a customer's message into their open conversation, opening one if needed. */
@ApplicationScoped
public class InboundMessageService {

    private final ProcessedEventRepository processedEvents;
    private final MessageRepository messages;
    private final ConversationOpener opener;
    private final Clock clock;

    InboundMessageService(ProcessedEventRepository processedEvents, MessageRepository messages,
            ConversationOpener opener, Clock clock) {
        this.processedEvents = processedEvents;
        this.messages = messages;
        this.opener = opener;
        this.clock = clock;
    }

    /** Stores {@code message}, delivered as event {@code eventId}, once: a redelivery changes nothing. */
    @Transactional
    public EventOutcome receive(String eventId, InboundMessage message) {
        Instant now = clock.instant();
        if (!processedEvents.markProcessed(eventId, now) || messages.findByIdOptional(message.id()).isPresent()) {
            Log.debugf("message %s (event %s) already stored", message.id(), eventId);
            return EventOutcome.DUPLICATE;
        }
        ConversationKeyParts key = new ConversationKeyParts(message.channel(), message.inbox(), message.customer().handle());
        Conversation conversation = opener.open(key, message.customer().displayName(), now);
        messages.persist(Message.inbound(message, conversation.id()));
        conversation.messageReceived(message.receivedAt(), now);
        Log.infof("message %s stored in conversation %s", message.id(), conversation.id());
        return EventOutcome.APPLIED;
    }
}
