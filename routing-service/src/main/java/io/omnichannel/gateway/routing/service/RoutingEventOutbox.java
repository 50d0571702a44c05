package io.omnichannel.gateway.routing.service;

import io.omnichannel.gateway.contract.EventJson;
import io.omnichannel.gateway.contract.RoutingEvent;
import io.omnichannel.gateway.contract.RoutingEventType;
import io.omnichannel.gateway.contract.Topics;
import io.omnichannel.gateway.routing.domain.OutboxEvent;
import io.omnichannel.gateway.routing.domain.WorkItem;
import io.omnichannel.gateway.routing.repository.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Records a routing event in the outbox, inside the caller's transaction. */
@ApplicationScoped
public class RoutingEventOutbox {

    /** Fired in the transaction; the relay observes it after commit. */
    public record Written() {
    }

    private final OutboxRepository outbox;
    private final Event<Written> written;

    RoutingEventOutbox(OutboxRepository outbox, Event<Written> written) {
        this.outbox = outbox;
        this.written = written;
    }

    /** The event of {@code type} about the item as it stands now. */
    public void record(RoutingEventType type, WorkItem item, Instant now) {
        recordAll(List.of(event(type, item, now)));
    }

    /** The event of {@code type} about the item as it stands now, not yet recorded. */
    public static RoutingEvent event(RoutingEventType type, WorkItem item, Instant now) {
        return new RoutingEvent(type, item.conversationKey, item.id.toString(), item.messageId, item.channel, item.inbox,
                item.assignedAgentId, item.dueAt, now);
    }

    /** Records events in one statement, in the order given. */
    public void recordAll(List<RoutingEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        outbox.insert(events.stream().map(RoutingEventOutbox::row).toList());
        written.fire(new Written());
    }

    private static OutboxEvent row(RoutingEvent event) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.randomUUID().toString();
        row.topic = Topics.ROUTING;
        row.recordKey = event.conversationKey();
        row.eventType = event.type().cloudEventType();
        row.payload = EventJson.write(event);
        row.createdAt = event.occurredAt();
        return row;
    }
}
