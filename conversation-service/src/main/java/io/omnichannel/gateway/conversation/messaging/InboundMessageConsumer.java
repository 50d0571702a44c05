package io.omnichannel.gateway.conversation.messaging;

import io.omnichannel.gateway.kit.kafka.TransientFailureRetry;
import io.omnichannel.gateway.contract.EventTypes;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.contract.Topics;
import io.omnichannel.gateway.conversation.service.InboundMessageService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@value Topics#INBOUND}. A record that fails is nacked and goes to
 * {@value Topics#DEAD_LETTER} with the reason in its headers (channel configuration), and
 * consumption goes on with the next one.
 */
@ApplicationScoped
public class InboundMessageConsumer {

    private final InboundMessageService service;
    private final ConsumerOutcomes outcomes;

    InboundMessageConsumer(InboundMessageService service, ConsumerOutcomes outcomes) {
        this.service = service;
        this.outcomes = outcomes;
    }

    @Incoming("inbound-messages")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        try {
            ConsumedEvent<InboundMessage> event = ConsumedEvent.read(record, EventTypes.INBOUND_MESSAGE::equals,
                    InboundMessage.class);
            outcomes.processed(record, TransientFailureRetry.call("applying event " + event.id(),
                    () -> service.receive(event.id(), event.data())));
        } catch (RuntimeException e) {
            outcomes.deadLettered(record, e);
            throw e;
        }
    }
}
