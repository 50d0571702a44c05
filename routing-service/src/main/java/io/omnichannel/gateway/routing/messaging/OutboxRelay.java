package io.omnichannel.gateway.routing.messaging;

import io.omnichannel.gateway.contract.CloudEventRecords;
import io.omnichannel.gateway.kit.concurrent.CoalescingTrigger;
import io.omnichannel.gateway.routing.domain.OutboxEvent;
import io.omnichannel.gateway.routing.repository.OutboxRepository;
import io.omnichannel.gateway.routing.service.RoutingEventOutbox;
import io.omnichannel.gateway.routing.service.StageTimers;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes the outbox to Kafka: a batch is locked, sent, and deleted only after the broker
 * acknowledged every record of it. A crash in between leaves the batch unpublished, so it is
 * sent again: at least once, never lost. Consumers drop the repeat by the CloudEvent id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final int BATCH_SIZE = 500;
    private static final URI SOURCE = URI.create("/routing-service");

    private final OutboxRepository outbox;
    private final Producer<String, byte[]> producer;
    private final StageTimers stages;
    private final CoalescingTrigger trigger;

    OutboxRelay(OutboxRepository outbox, Producer<String, byte[]> producer, StageTimers stages) {
        this.outbox = outbox;
        this.producer = producer;
        this.stages = stages;
        this.trigger = new CoalescingTrigger("outbox relay", this::publishAll);
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoutingEventOutbox.Written written) {
        trigger.fire();
    }

    @PreDestroy
    void stop() {
        trigger.close();
    }

    @Scheduled(every = "PT1S", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPass() {
        trigger.runNow();
    }

    private void publishAll() {
        while (stages.publish(() -> QuarkusTransaction.requiringNew().call(this::publishBatch)) == BATCH_SIZE) {
            // a full batch went out: there may be more
        }
    }

    private int publishBatch() throws InterruptedException {
        List<OutboxEvent> batch = outbox.lockUnpublished(BATCH_SIZE);
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            acks.add(producer.send(CloudEventRecords.record(event.topic, event.recordKey, event.eventId,
                    event.eventType, SOURCE, event.createdAt, event.payload)));
        }
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge the outbox batch; it stays unpublished", e);
        }
        if (!batch.isEmpty()) {
            outbox.deletePublished(batch);
            Log.debugf("published %d routing events", batch.size());
        }
        return batch.size();
    }
}
