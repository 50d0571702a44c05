package io.omnichannel.gateway.kit.kafka;

import io.omnichannel.gateway.contract.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Sends a record a batch consumer could not process to {@value Topics#DEAD_LETTER}, unchanged, with the
 * reason in the same {@code dead-letter-*} headers the messaging layer's dead-letter strategy writes.
 */
@ApplicationScoped
public class DeadLetters {

    private final Producer<String, byte[]> producer;

    DeadLetters(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    /** Returns once the broker has the record; throws when it does not take it (the batch is then redelivered). */
    public void send(ConsumerRecord<String, byte[]> record, Throwable reason) {
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(Topics.DEAD_LETTER, null, record.key(), record.value());
        for (Header header : record.headers()) {
            dead.headers().add(header);
        }
        dead.headers().add("dead-letter-reason", bytes(reason.getMessage()));
        if (reason.getCause() != null) {
            dead.headers().add("dead-letter-cause", bytes(reason.getCause().getMessage()));
        }
        dead.headers().add("dead-letter-topic", bytes(record.topic()));
        dead.headers().add("dead-letter-partition", bytes(String.valueOf(record.partition())));
        dead.headers().add("dead-letter-offset", bytes(String.valueOf(record.offset())));
        try {
            producer.send(dead).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not take the dead letter of " + record.topic() + "-"
                    + record.partition() + "@" + record.offset(), e);
        }
    }

    private static byte[] bytes(String text) {
        return String.valueOf(text).getBytes(StandardCharsets.UTF_8);
    }
}
