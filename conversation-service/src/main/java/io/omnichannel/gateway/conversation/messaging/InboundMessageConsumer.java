package io.omnichannel.gateway.conversation.messaging;

import io.omnichannel.gateway.contract.EventTypes;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.contract.Topics;
import io.omnichannel.gateway.conversation.service.EventOutcome;
import io.omnichannel.gateway.conversation.service.InboundMessageService.Delivered;
import io.omnichannel.gateway.conversation.service.InboundMessageService;
import io.omnichannel.gateway.kit.kafka.DeadLetters;
import io.omnichannel.gateway.kit.kafka.TransientFailureRetry;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@value Topics#INBOUND} a poll at a time: the whole batch is stored in one transaction (one
 * commit for hundreds of messages). When that fails, the batch is stored record by record, and a record
 * that cannot be stored goes to {@value Topics#DEAD_LETTER} with the reason in its headers; consumption
 * goes on with the next one.
 */
@ApplicationScoped
public class InboundMessageConsumer {

    private final InboundMessageService service;
    private final ConsumerOutcomes outcomes;
    private final DeadLetters deadLetters;

    InboundMessageConsumer(InboundMessageService service, ConsumerOutcomes outcomes, DeadLetters deadLetters) {
        this.service = service;
        this.outcomes = outcomes;
        this.deadLetters = deadLetters;
    }

    private record Parsed(ConsumerRecord<String, byte[]> record, Delivered delivered) {
    }

    @Incoming("inbound-messages")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        List<Parsed> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                ConsumedEvent<InboundMessage> event = ConsumedEvent.read(record, EventTypes.INBOUND_MESSAGE::equals,
                        InboundMessage.class);
                batch.add(new Parsed(record, new Delivered(event.id(), event.data())));
            } catch (RuntimeException e) {
                deadLetter(record, e);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            List<EventOutcome> stored = service.receiveAll(batch.stream().map(Parsed::delivered).toList());
            for (int i = 0; i < batch.size(); i++) {
                outcomes.processed(batch.get(i).record(), stored.get(i));
            }
        } catch (RuntimeException e) {
            Log.warnf("a batch of %d inbound messages failed (%s); storing them one by one", batch.size(), e.getMessage());
            for (Parsed parsed : batch) {
                try {
                    outcomes.processed(parsed.record(), TransientFailureRetry.call("applying event " + parsed.delivered().eventId(),
                            () -> service.receive(parsed.delivered().eventId(), parsed.delivered().message())));
                } catch (RuntimeException failure) {
                    deadLetter(parsed.record(), failure);
                }
            }
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, RuntimeException failure) {
        outcomes.deadLettered(record, failure);
        deadLetters.send(record, failure);
    }
}
