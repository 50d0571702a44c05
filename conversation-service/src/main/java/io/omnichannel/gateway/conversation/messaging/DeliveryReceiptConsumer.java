package io.omnichannel.gateway.conversation.messaging;

import io.omnichannel.gateway.contract.DeliveryReceipt;
import io.omnichannel.gateway.contract.EventTypes;
import io.omnichannel.gateway.contract.Topics;
import io.omnichannel.gateway.conversation.service.DeliveryReceiptService;
import io.omnichannel.gateway.kit.kafka.TransientFailureRetry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@value Topics#DELIVERY}. A record that fails is nacked and goes to
 * {@value Topics#DEAD_LETTER} with the reason in its headers, and consumption goes on with the next one.
 */
@ApplicationScoped
public class DeliveryReceiptConsumer {

    private final DeliveryReceiptService service;
    private final ConsumerOutcomes outcomes;

    DeliveryReceiptConsumer(DeliveryReceiptService service, ConsumerOutcomes outcomes) {
        this.service = service;
        this.outcomes = outcomes;
    }

    @Incoming("delivery-receipts")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        try {
            ConsumedEvent<DeliveryReceipt> event = ConsumedEvent.read(record, EventTypes.DELIVERY_RECEIPT::equals,
                    DeliveryReceipt.class);
            outcomes.processed(record, TransientFailureRetry.call("applying event " + event.id(),
                    () -> service.apply(event.id(), event.data())));
        } catch (RuntimeException e) {
            outcomes.deadLettered(record, e);
            throw e;
        }
    }
}
