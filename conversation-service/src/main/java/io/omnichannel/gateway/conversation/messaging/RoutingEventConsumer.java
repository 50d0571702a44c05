package io.omnichannel.gateway.conversation.messaging;

import io.omnichannel.gateway.kit.kafka.TransientFailureRetry;
import io.omnichannel.gateway.contract.EventTypes;
import io.omnichannel.gateway.contract.MalformedEventException;
import io.omnichannel.gateway.contract.RoutingEvent;
import io.omnichannel.gateway.contract.Topics;
import io.omnichannel.gateway.conversation.service.RoutingEventService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@value Topics#ROUTING}. A record that fails is nacked and goes to
 * {@value Topics#DEAD_LETTER} with the reason in its headers (channel configuration), and
 * consumption goes on with the next one.
 */
@ApplicationScoped
public class RoutingEventConsumer {

    private final RoutingEventService service;
    private final ConsumerOutcomes outcomes;

    RoutingEventConsumer(RoutingEventService service, ConsumerOutcomes outcomes) {
        this.service = service;
        this.outcomes = outcomes;
    }

    @Incoming("routing-events")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        try {
            ConsumedEvent<RoutingEvent> event = ConsumedEvent.read(record,
                    type -> type.startsWith(EventTypes.ROUTING_PREFIX), RoutingEvent.class);
            if (!event.type().equals(event.data().type().cloudEventType())) {
                throw new MalformedEventException("event type '" + event.type() + "' does not match its data's type '"
                        + event.data().type().wireName() + "'");
            }
            outcomes.processed(record, TransientFailureRetry.call("applying event " + event.id(),
                    () -> service.apply(event.id(), event.data())));
        } catch (RuntimeException e) {
            outcomes.deadLettered(record, e);
            throw e;
        }
    }
}
