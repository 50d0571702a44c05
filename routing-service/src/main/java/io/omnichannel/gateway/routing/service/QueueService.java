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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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

    /**
     * Handles a poll's worth of inbound message events in one transaction, set-based: one statement
     * each records the event ids, locks the conversations' live work and reads their last agents;
     * new items and their events go out as JDBC batches. Redelivered events change nothing.
     */
    @Transactional
    public void enqueueAll(List<Delivered> batch) {
        Set<String> firstSeen = processedEvents.markProcessed(batch.stream().map(Delivered::eventId).toList());
        List<InboundMessage> messages = new ArrayList<>(batch.size());
        for (Delivered delivered : batch) {
            if (firstSeen.remove(delivered.eventId())) {
                messages.add(delivered.message());
            } else {
                Log.debugf("message %s already handled", delivered.message().id());
            }
        }
        if (messages.isEmpty()) {
            return;
        }
        Set<String> keys = messages.stream().map(InboundMessage::conversationKey).collect(Collectors.toSet());
        Map<String, WorkItem> active = workItems.lockActive(keys);
        Map<String, String> lastAgents = lastAgents(keys.stream().filter(key -> !active.containsKey(key)).toList());
        List<WorkItem> created = new ArrayList<>();
        List<WorkItem> queued = new ArrayList<>();
        for (InboundMessage message : messages) {
            String key = message.conversationKey();
            WorkItem item = active.get(key);
            if (item == null) {
                item = newItem(message, key, lastAgents.get(key));
                active.put(key, item);
                created.add(item);
                queued.add(item);
                Log.debugf("queued %s (message %s, %s) due %s", key, message.id(), item.priority, item.dueAt);
            } else if (restartClockIfAnswered(item, message)) {
                queued.add(item);
            }
        }
        workItems.insertNew(created);
        Instant now = clock.instant();
        events.recordAll(queued.stream().map(item -> RoutingEventOutbox.event(RoutingEventType.QUEUED, item, now)).toList());
        if (!created.isEmpty()) {
            workChanged.fire(Dispatcher.WorkChanged.waitingWork());
        }
    }

    /** Handles one inbound message event; a redelivered event changes nothing. */
    @Transactional
    public void enqueue(String eventId, InboundMessage message) {
        enqueueAll(List.of(new Delivered(eventId, message)));
    }

    /** @return whether a next-response clock started (the conversation had been answered) */
    private boolean restartClockIfAnswered(WorkItem item, InboundMessage message) {
        if (item.awaitingResponse) {
            Log.debugf("message %s joins %s, whose clock is already running", message.id(), item.conversationKey);
            return false;
        }
        policies.startClock(item, message.receivedAt());
        item.slaState = SlaState.OK;
        Log.infof("next-response clock of %s started by message %s, due %s", item.conversationKey, message.id(), item.dueAt);
        return true;
    }

    /** The agent who last served each of these conversations, where one did. */
    private Map<String, String> lastAgents(List<String> keys) {
        Map<String, String> agents = new HashMap<>();
        if (!keys.isEmpty()) {
            entityManager.createQuery("from CustomerAffinity where conversationKey in :keys", CustomerAffinity.class)
                    .setParameter("keys", keys)
                    .getResultList()
                    .forEach(affinity -> agents.put(affinity.conversationKey, affinity.agentId));
        }
        return agents;
    }

    private WorkItem newItem(InboundMessage message, String key, String lastAgent) {
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
        if (lastAgent != null) {
            item.preferredAgent = lastAgent;
            item.preferUntil = message.receivedAt().plus(config.stickyWindow());
        }
        policies.startClock(item, message.receivedAt());
        return item;
    }
}
