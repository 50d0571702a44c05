package io.omnichannel.gateway.routing.messaging;

import io.cloudevents.CloudEvent;
import io.omnichannel.gateway.contract.CloudEventRecords;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.kit.kafka.TransientFailureRetry;
import io.omnichannel.gateway.routing.service.QueueService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code gateway.inbound.v1}; what cannot be read goes to the dead-letter topic (see application.properties). */
@ApplicationScoped
public class InboundMessageConsumer {

    private final QueueService queue;

    InboundMessageConsumer(QueueService queue) {
        this.queue = queue;
    }

    @Incoming("inbound")
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = CloudEventRecords.read(record);
        InboundMessage message = CloudEventRecords.data(event, InboundMessage.class);
        TransientFailureRetry.run("queueing message " + message.id(), () -> queue.enqueue(event.getId(), message));
    }
}
