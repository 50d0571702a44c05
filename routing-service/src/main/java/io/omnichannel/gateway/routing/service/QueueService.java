package io.omnichannel.gateway.routing.service;

import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.contract.RoutingEventType;
import io.omnichannel.gateway.routing.config.RoutingConfig;
import io.omnichannel.gateway.routing.domain.CustomerAffinity;
import io.omnichannel.gateway.routing.domain.InboxRouting;
import io.omnichannel.gateway.routing.domain.Priority;
import io.omnichannel.gateway.routing.domain.SlaState;
import io.omnichannel.gateway.routing.domain.Tags;
import io.omnichannel.gateway.routing.domain.WorkItem;
import io.omnichannel.gateway.routing.domain.WorkItemStatus;
import io.omnichannel.gateway.routing.repository.ProcessedEvents;
import io.omnichannel.gateway.routing.repository.WorkItemRepository;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Customer messages start response clocks. A new conversation becomes a waiting work item with the
 * inbox's skills, team and priority, preferring the agent who served the customer last. A message
 * to a conversation an agent has already answered starts the next-response clock; one to a
 * conversation still waiting changes nothing (its clock keeps running from the first message).
 */
@ApplicationScoped
public class QueueService {

    private final WorkItemRepository workItems;
    private final ProcessedEvents processedEvents;
    private final RoutingEventOutbox events;
    private final PolicyService policies;
    private final RoutingConfig config;
    private final EntityManager entityManager;
    private final Event<Dispatcher.WorkChanged> workChanged;
    private final Clock clock = Clock.systemUTC();

    QueueService(WorkItemRepository workItems, ProcessedEvents processedEvents, RoutingEventOutbox events,
            PolicyService policies, RoutingConfig config, EntityManager entityManager,
            Event<Dispatcher.WorkChanged> workChanged) {
        this.workItems = workItems;
        this.processedEvents = processedEvents;
        this.events = events;
        this.policies = policies;
        this.config = config;
        this.entityManager = entityManager;
        this.workChanged = workChanged;
    }

    /** An inbound message event as read from Kafka: its CloudEvent id and its data. */
    public record Delivered(String eventId, InboundMessage message) {
    }

    /** Handles a poll's worth of inbound message events in one transaction; redelivered events change nothing. */
    @Transactional
    public void enqueueAll(List<Delivered> batch) {
        batch.forEach(delivered -> enqueue(delivered.eventId(), delivered.message()));
    }

    /** Handles one inbound message event; a redelivered event changes nothing. */
    @Transactional
    public void enqueue(String eventId, InboundMessage message) {
        if (!processedEvents.markProcessed(eventId)) {
            Log.debugf("message %s already handled", message.id());
            return;
        }
        Instant now = clock.instant();
        String key = message.conversationKey();
        Optional<WorkItem> active = workItems.lockActive(key);
        if (active.isPresent()) {
            restartClockIfAnswered(active.get(), message, now);
            return;
        }
        WorkItem item = newItem(message, key);
        workItems.persist(item);
        events.record(RoutingEventType.QUEUED, item, now);
        workChanged.fire(new Dispatcher.WorkChanged());
        Log.infof("queued %s (message %s, %s) due %s", key, message.id(), item.priority, item.dueAt);
    }

    private void restartClockIfAnswered(WorkItem item, InboundMessage message, Instant now) {
        if (item.awaitingResponse) {
            Log.debugf("message %s joins %s, whose clock is already running", message.id(), item.conversationKey);
            return;
        }
        policies.startClock(item, message.receivedAt());
        item.slaState = SlaState.OK;
        events.record(RoutingEventType.QUEUED, item, now);
        Log.infof("next-response clock of %s started by message %s, due %s", item.conversationKey, message.id(), item.dueAt);
    }

    private WorkItem newItem(InboundMessage message, String key) {
        Optional<InboxRouting> rules = policies.inboxRouting(message.inbox());
        WorkItem item = new WorkItem();
        item.id = UUID.randomUUID();
        item.conversationKey = key;
        item.messageId = message.id();
        item.channel = message.channel();
        item.inbox = message.inbox();
        item.status = WorkItemStatus.WAITING;
        item.arrivedAt = message.receivedAt();
        item.priority = rules.map(r -> r.defaultPriority).orElse(Priority.NORMAL);
        item.teamId = rules.map(r -> r.teamId).orElse(null);
        item.requiredSkills = rules.map(r -> r.requiredSkills).orElse("");
        Set<String> optional = new LinkedHashSet<>(Tags.parse(rules.map(r -> r.optionalSkills).orElse("")));
        if (message.language() != null && !message.language().isBlank()) {
            optional.add(message.language().toLowerCase(Locale.ROOT));
        }
        item.optionalSkills = Tags.format(optional);
        CustomerAffinity lastAgent = entityManager.find(CustomerAffinity.class, key);
        if (lastAgent != null) {
            item.preferredAgent = lastAgent.agentId;
            item.preferUntil = message.receivedAt().plus(config.stickyWindow());
        }
        policies.startClock(item, message.receivedAt());
        return item;
    }
}
