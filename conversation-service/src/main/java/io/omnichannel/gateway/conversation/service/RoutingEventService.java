package io.omnichannel.gateway.conversation.service;

import io.omnichannel.gateway.contract.MalformedEventException;
import io.omnichannel.gateway.contract.RoutingEvent;
import io.omnichannel.gateway.contract.RoutingEventType;
import io.omnichannel.gateway.conversation.domain.Conversation;
import io.omnichannel.gateway.conversation.domain.ConversationKeyParts;
import io.omnichannel.gateway.conversation.repository.ProcessedEventRepository;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Mirrors the routing service's decisions on the conversation: who is assigned and by when it is
 * due. A decision may arrive before the customer's message it is about; it then opens the
 * conversation, and the message joins it.
 */
@ApplicationScoped
public class RoutingEventService {

    private final ProcessedEventRepository processedEvents;
    private final ConversationOpener opener;
    private final Clock clock;

    RoutingEventService(ProcessedEventRepository processedEvents, ConversationOpener opener, Clock clock) {
        this.processedEvents = processedEvents;
        this.opener = opener;
        this.clock = clock;
    }

    /**
     * Applies {@code event}, delivered as event {@code eventId}, once: a redelivery changes nothing.
     *
     * @throws MalformedEventException when the event lacks what its type needs
     */
    @Transactional
    public EventOutcome apply(String eventId, RoutingEvent event) {
        ConversationKeyParts key = keyOf(event);
        if (event.type() == RoutingEventType.ASSIGNED && event.agentId() == null) {
            throw new MalformedEventException("routing event " + eventId + " is 'assigned' but names no agentId");
        }
        Instant now = clock.instant();
        if (!processedEvents.markProcessed(eventId, now)) {
            Log.debugf("routing event %s for %s already applied", eventId, event.conversationKey());
            return EventOutcome.DUPLICATE;
        }
        Conversation conversation = opener.open(key, null, now);
        switch (event.type()) {
            case ASSIGNED -> conversation.assignedTo(event.agentId(), event.workItemId(), event.dueAt(), now);
            case QUEUED -> conversation.queued(event.workItemId(), event.dueAt(), now);
            case RELEASED -> {
                if (!conversation.releasedBy(event.agentId(), now)) {
                    Log.infof("conversation %s: ignored release by %s, it is assigned to %s", conversation.id(),
                            event.agentId(), conversation.assigneeAgentId());
                }
            }
            default -> conversation.dueWithin(event.dueAt(), now);
        }
        Log.infof("conversation %s: routing %s (work item %s, agent %s, due %s)", conversation.id(),
                event.type().wireName(), event.workItemId(), event.agentId(), event.dueAt());
        return EventOutcome.APPLIED;
    }

    private static ConversationKeyParts keyOf(RoutingEvent event) {
        try {
            return ConversationKeyParts.parse(event.conversationKey(), event.channel(), event.inbox());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(e.getMessage(), e);
        }
    }
}
