package io.omnichannel.gateway.conversation.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.omnichannel.gateway.contract.MalformedEventException;
import io.omnichannel.gateway.conversation.service.EventOutcome;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Counts what the consumers did ({@code conversation.events.consumed{topic, outcome}}) and logs their failures. */
@ApplicationScoped
class ConsumerOutcomes {

    private final MeterRegistry registry;

    ConsumerOutcomes(MeterRegistry registry) {
        this.registry = registry;
    }

    void processed(ConsumerRecord<?, ?> record, EventOutcome outcome) {
        count(record.topic(), outcome.name().toLowerCase(Locale.ROOT));
    }

    /** The record goes to the dead-letter topic: a contract violation is the producer's to fix, anything else is ours. */
    void deadLettered(ConsumerRecord<?, ?> record, RuntimeException failure) {
        count(record.topic(), "dead-lettered");
        String position = record.topic() + "-" + record.partition() + "@" + record.offset();
        if (failure instanceof MalformedEventException) {
            Log.warnf("dead-lettering %s (key %s): %s", position, record.key(), failure.getMessage());
        } else {
            Log.errorf(failure, "dead-lettering %s (key %s) after an unexpected failure", position, record.key());
        }
    }

    private void count(String topic, String outcome) {
        registry.counter("conversation.events.consumed", "topic", topic, "outcome", outcome).increment();
    }
}
