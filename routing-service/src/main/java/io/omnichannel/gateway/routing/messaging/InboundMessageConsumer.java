package io.omnichannel.gateway.routing.messaging;

import io.cloudevents.CloudEvent;
import io.omnichannel.gateway.contract.CloudEventRecords;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.kit.kafka.DeadLetters;
import io.omnichannel.gateway.kit.kafka.TransientFailureRetry;
import io.omnichannel.gateway.routing.service.QueueService.Delivered;
import io.omnichannel.gateway.routing.service.QueueService;
import io.omnichannel.gateway.routing.service.StageTimers;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code gateway.inbound.v1} a poll at a time: the whole batch is queued in one transaction (one
 * commit for hundreds of messages). When that fails, the batch is queued record by record, and a
 * record that cannot be read or queued goes to the dead-letter topic with the reason in its headers.
 */
@ApplicationScoped
public class InboundMessageConsumer {

    private final QueueService queue;
    private final DeadLetters deadLetters;
    private final StageTimers stages;

    InboundMessageConsumer(QueueService queue, DeadLetters deadLetters, StageTimers stages) {
        this.queue = queue;
        this.deadLetters = deadLetters;
        this.stages = stages;
    }

    private record Parsed(ConsumerRecord<String, byte[]> record, Delivered delivered) {
    }

    @Incoming("inbound")
    @Blocking(ordered = true)
    public void consume(ConsumerRecords<String, byte[]> records) {
        List<Parsed> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            stages.fetched(record.timestamp());
            try {
                CloudEvent event = CloudEventRecords.read(record);
                batch.add(new Parsed(record, new Delivered(event.getId(), CloudEventRecords.data(event, InboundMessage.class))));
            } catch (RuntimeException e) {
                deadLetters.send(record, e);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            stages.queue(() -> queue.enqueueAll(batch.stream().map(Parsed::delivered).toList()));
        } catch (RuntimeException e) {
            Log.warnf("a batch of %d inbound messages failed (%s); queueing them one by one", batch.size(), e.getMessage());
            for (Parsed parsed : batch) {
                Delivered delivered = parsed.delivered();
                try {
                    TransientFailureRetry.run("queueing message " + delivered.message().id(),
                            () -> queue.enqueue(delivered.eventId(), delivered.message()));
                } catch (RuntimeException failure) {
                    deadLetters.send(parsed.record(), failure);
                }
            }
        }
    }
}
