package io.omnichannel.gateway.conversation.service;

import io.omnichannel.gateway.contract.ConversationKey;
import io.omnichannel.gateway.contract.MalformedEventException;
import io.omnichannel.gateway.contract.RoutingEvent;
import io.omnichannel.gateway.contract.RoutingEventType;
import io.omnichannel.gateway.conversation.domain.Assignment;
import io.omnichannel.gateway.conversation.domain.Conversation;
import io.omnichannel.gateway.conversation.domain.ConversationEvent;
import io.omnichannel.gateway.conversation.domain.Identities;
import io.omnichannel.gateway.conversation.domain.TimelineKind;
import io.omnichannel.gateway.conversation.repository.AgentProfileRepository;
import io.omnichannel.gateway.conversation.repository.ProcessedEventRepository;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mirrors the routing service's decisions on the conversation (who is assigned, by when it is due,
 * how its target stands), records them on the timeline and tells the agents concerned. A queued or
 * assigned decision may arrive before the customer's message it is about; it then opens the
 * conversation, and the message joins it. The other decisions only concern a live conversation.
 */
@ApplicationScoped
public class RoutingEventService {

    private final ProcessedEventRepository processedEvents;
    private final ConversationOpener opener;
    private final Identities normalizer;
    private final Timeline timeline;
    private final LiveEvents liveEvents;
    private final AgentProfileRepository agents;
    private final Clock clock;

    RoutingEventService(ProcessedEventRepository processedEvents, ConversationOpener opener, Identities normalizer,
            Timeline timeline, LiveEvents liveEvents, AgentProfileRepository agents, Clock clock) {
        this.processedEvents = processedEvents;
        this.opener = opener;
        this.normalizer = normalizer;
        this.timeline = timeline;
        this.liveEvents = liveEvents;
        this.agents = agents;
        this.clock = clock;
    }

    /**
     * Applies {@code event}, delivered as event {@code eventId}, once: a redelivery changes nothing.
     *
     * @throws MalformedEventException when the event lacks what its type needs
     */
    @Transactional
    public EventOutcome apply(String eventId, RoutingEvent event) {
        ConversationKey key = ConversationKey.parse(event.conversationKey());
        if ((event.type() == RoutingEventType.ASSIGNED || event.type() == RoutingEventType.OFFERED)
                && event.agentId() == null) {
            throw new MalformedEventException("routing event " + eventId + " is '" + event.type().wireName()
                    + "' but names no agentId");
        }
        Instant now = clock.instant();
        if (!processedEvents.markProcessed(eventId, now)) {
            Log.debugf("routing event %s for %s already applied", eventId, event.conversationKey());
            return EventOutcome.DUPLICATE;
        }
        var identity = normalizer.ofHandle(key.channel(), key.customerHandle(), Map.of());
        Optional<Conversation> found = opensConversation(event.type())
                ? Optional.of(opener.open(key, identity, null, List.of(), now).conversation())
                : opener.live(key, identity);
        if (found.isEmpty()) {
            Log.infof("routing %s for %s: no live conversation, nothing to change", event.type().wireName(), key);
            return EventOutcome.APPLIED;
        }
        Conversation conversation = found.get();
        Instant at = event.occurredAt();
        switch (event.type()) {
            case QUEUED -> conversation.queued(event.workItemId(), event.dueAt(), now);
            case OFFERED -> offer(conversation, event, now, at);
            case ASSIGNED -> assign(conversation, event, now, at);
            case REROUTED -> {
                // rerouted to another agent, or back to the queue
                if (event.agentId() != null) {
                    assign(conversation, event, now, at);
                } else {
                    withdrawOffer(conversation, "back in the queue", now, at);
                    release(conversation, event, now, at);
                    conversation.queued(event.workItemId(), event.dueAt(), now);
                }
            }
            case RELEASED -> {
                withdrawOffer(conversation, "released", now, at);
                release(conversation, event, now, at);
            }
            case SLA_WARNING -> {
                conversation.dueWithin(event.dueAt(), now);
                if (conversation.slaWarning(now)) {
                    timeline.record(conversation, TimelineKind.SLA_WARNING, ConversationEvent.ROUTING, null,
                            due(conversation), at);
                    liveEvents.publish(conversation.assigneeAgentId(),
                            LiveEvent.about(LiveEventType.SLA_WARNING, conversation, at), now);
                }
            }
            case SLA_BREACHED -> {
                conversation.dueWithin(event.dueAt(), now);
                if (conversation.slaBreached(now)) {
                    timeline.record(conversation, TimelineKind.SLA_BREACHED, ConversationEvent.ROUTING, null,
                            due(conversation), at);
                    liveEvents.publish(conversation.assigneeAgentId(),
                            LiveEvent.about(LiveEventType.SLA_BREACHED, conversation, at), now);
                }
            }
        }
        Log.infof("conversation %s: routing %s (work item %s, agent %s, due %s)", conversation.id(),
                event.type().wireName(), event.workItemId(), event.agentId(), event.dueAt());
        return EventOutcome.APPLIED;
    }

    private static boolean opensConversation(RoutingEventType type) {
        return type == RoutingEventType.QUEUED || type == RoutingEventType.OFFERED || type == RoutingEventType.ASSIGNED;
    }

    /** Offered to an agent (chat, phone): they see it and get an {@code offer} to accept or reject. */
    private void offer(Conversation conversation, RoutingEvent event, Instant now, Instant at) {
        if (event.agentId().equals(conversation.offeredAgentId())) {
            return;
        }
        withdrawOffer(conversation, "offered to another agent", now, at);
        conversation.offeredTo(event.agentId(), event.workItemId(), event.dueAt(), now);
        timeline.record(conversation, TimelineKind.OFFERED, ConversationEvent.ROUTING, null,
                Map.of("agentId", event.agentId()), at);
        liveEvents.publish(event.agentId(), LiveEvent.about(LiveEventType.OFFER, conversation, at), now);
    }

    /** Ends a standing offer; the agent it was offered to learns it is gone, unless {@code keptBy} took it. */
    private void withdrawOffer(Conversation conversation, String why, Instant now, Instant at) {
        withdrawOffer(conversation, null, why, now, at);
    }

    private void withdrawOffer(Conversation conversation, String keptBy, String why, Instant now, Instant at) {
        conversation.offerEnded(now).filter(agent -> !agent.equals(keptBy)).ifPresent(agent -> liveEvents.publish(agent,
                LiveEvent.about(LiveEventType.OFFER_WITHDRAWN, conversation, at).withReason(why), now));
    }

    private void assign(Conversation conversation, RoutingEvent event, Instant now, Instant at) {
        withdrawOffer(conversation, event.agentId(), "assigned to " + event.agentId(), now, at);
        String previous = conversation.assigneeAgentId();
        Assignment change = conversation.assignedTo(event.agentId(), agents.teamOf(event.agentId()).orElse(null),
                event.workItemId(), event.dueAt(), now);
        if (change == Assignment.UNCHANGED) {
            return;
        }
        Map<String, Object> data = new HashMap<>();
        data.put("agentId", event.agentId());
        if (previous != null) {
            data.put("fromAgentId", previous);
        }
        boolean transfer = change == Assignment.TRANSFERRED;
        timeline.record(conversation, transfer ? TimelineKind.TRANSFERRED : TimelineKind.ASSIGNED, ConversationEvent.ROUTING,
                null, data, at);
        LiveEvent assigned = LiveEvent.about(transfer ? LiveEventType.TRANSFER : LiveEventType.ASSIGNMENT, conversation, at);
        liveEvents.publish(event.agentId(), previous == null ? assigned : assigned.withReason("from " + previous), now);
        if (previous != null) {
            liveEvents.publish(previous, LiveEvent.about(LiveEventType.UNASSIGNED, conversation, at)
                    .withReason("transferred to " + event.agentId()), now);
        }
    }

    private void release(Conversation conversation, RoutingEvent event, Instant now, Instant at) {
        String previous = conversation.assigneeAgentId();
        if (!conversation.releasedBy(event.agentId(), now)) {
            Log.infof("conversation %s: ignored release by %s, it is assigned to %s", conversation.id(),
                    event.agentId(), conversation.assigneeAgentId());
            return;
        }
        if (previous != null) {
            timeline.record(conversation, TimelineKind.UNASSIGNED, ConversationEvent.ROUTING, null,
                    Map.of("agentId", previous), at);
            liveEvents.publish(previous, LiveEvent.about(LiveEventType.UNASSIGNED, conversation, at).withReason("released"),
                    now);
        }
    }

    private static Map<String, Object> due(Conversation conversation) {
        return conversation.dueAt() == null ? Map.of() : Map.of("dueAt", conversation.dueAt().toString());
    }
}
