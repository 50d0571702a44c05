package io.omnichannel.gateway.contract;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Events on the gateway's topics are CloudEvents 1.0 in Kafka binary mode: attributes in
 * {@code ce_*} headers, JSON data as the record value. This is the one place that writes and
 * reads that envelope.
 */
public final class CloudEventRecords {

    private static final String JSON = "application/json";

    private CloudEventRecords() {
    }

    /** A binary-mode record of {@code data} on {@code topic}, keyed by {@code key}. */
    public static ProducerRecord<String, byte[]> record(String topic, String key, String id, String type,
            URI source, Instant time, Object data) {
        return record(topic, key, id, type, source, time, EventJson.write(data));
    }

    /** As {@link #record(String, String, String, String, URI, Instant, Object)} with data already in its JSON form. */
    public static ProducerRecord<String, byte[]> record(String topic, String key, String id, String type,
            URI source, Instant time, byte[] jsonData) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(id)
                .withType(type)
                .withSource(source)
                .withSubject(key)
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withDataContentType(JSON)
                .withData(jsonData)
                .build();
        return KafkaMessageFactory.createWriter(topic, key).writeBinary(event);
    }

    /** Reads the CloudEvent of a record (binary or structured mode). */
    public static CloudEvent read(ConsumerRecord<?, byte[]> record) {
        try {
            MessageReader reader = KafkaMessageFactory.createReader(record.headers(), record.value());
            return reader.toEvent();
        } catch (CloudEventRWException | IllegalStateException e) {
            throw new MalformedEventException("not a CloudEvent: " + e.getMessage(), e);
        }
    }

    /** The event's JSON data as {@code type}. */
    public static <T> T data(CloudEvent event, Class<T> type) {
        return EventJson.read(event.getData() == null ? null : event.getData().toBytes(), type);
    }
}
