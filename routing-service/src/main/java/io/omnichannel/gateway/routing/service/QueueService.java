package io.omnichannel.gateway.routing.service;

import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.contract.RoutingEventType;
import io.omnichannel.gateway.routing.config.RoutingConfig;
import io.omnichannel.gateway.routing.domain.WorkItem;
import io.omnichannel.gateway.routing.domain.WorkItemStatus;
import io.omnichannel.gateway.routing.repository.ProcessedEvents;
import io.omnichannel.gateway.routing.repository.WorkItemRepository;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/** Puts conversations with a new customer message in the queue, due at arrival + the channel's target. */
@ApplicationScoped
public class QueueService {

    private final WorkItemRepository workItems;
    private final ProcessedEvents processedEvents;
    private final RoutingEventOutbox events;
    private final RoutingConfig config;
    private final Event<Dispatcher.WorkChanged> workChanged;
    private final Clock clock = Clock.systemUTC();

    QueueService(WorkItemRepository workItems, ProcessedEvents processedEvents, RoutingEventOutbox events,
            RoutingConfig config, Event<Dispatcher.WorkChanged> workChanged) {
        this.workItems = workItems;
        this.processedEvents = processedEvents;
        this.events = events;
        this.config = config;
        this.workChanged = workChanged;
    }

    /** Handles one inbound message event; a redelivered event changes nothing. */
    @Transactional
    public void enqueue(String eventId, InboundMessage message) {
        if (!processedEvents.markProcessed(eventId)) {
            Log.debugf("message %s already handled", message.id());
            return;
        }
        String key = message.conversationKey();
        if (workItems.findActive(key).isPresent()) {
            Log.debugf("message %s joins the active work of %s", message.id(), key);
            return;
        }
        WorkItem item = new WorkItem();
        item.id = UUID.randomUUID();
        item.conversationKey = key;
        item.messageId = message.id();
        item.channel = message.channel();
        item.inbox = message.inbox();
        item.status = WorkItemStatus.WAITING;
        item.arrivedAt = message.receivedAt();
        item.dueAt = message.receivedAt().plus(config.responseTargets().of(message.channel()));
        workItems.persist(item);
        events.record(RoutingEventType.QUEUED, item, clock.instant());
        workChanged.fire(new Dispatcher.WorkChanged());
        Log.infof("queued %s (message %s) due %s", key, message.id(), item.dueAt);
    }
}
