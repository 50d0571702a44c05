package io.omnichannel.gateway.adapters.outbound;

import io.cloudevents.CloudEvent;
import io.omnichannel.gateway.contract.CloudEventRecords;
import io.omnichannel.gateway.contract.OutboundMessage;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads replies from {@code gateway.outbound.v1}, in order per conversation, and hands each to the
 * {@link DeliveryService}; what cannot be read goes to the dead-letter topic (see application.properties).
 */
@ApplicationScoped
public class OutboundConsumer {

    private final DeliveryService deliveries;

    OutboundConsumer(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @Incoming("outbound")
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = CloudEventRecords.read(record);
        deliveries.deliver(CloudEventRecords.data(event, OutboundMessage.class));
    }
}
