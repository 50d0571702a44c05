package io.omnichannel.gateway.conversation.messaging;

import io.cloudevents.CloudEvent;
import io.omnichannel.gateway.contract.CloudEventRecords;
import io.omnichannel.gateway.contract.MalformedEventException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A consumed record read as a CloudEvent of an expected type, with its data. */
record ConsumedEvent<T>(String id, String type, T data) {

    /** @throws MalformedEventException when the record is not a CloudEvent of an accepted type with valid data */
    static <T> ConsumedEvent<T> read(ConsumerRecord<String, byte[]> record, Predicate<String> acceptedType,
            Class<T> dataType) {
        CloudEvent event = CloudEventRecords.read(record);
        if (!acceptedType.test(event.getType())) {
            throw new MalformedEventException("unexpected event type '" + event.getType() + "' on " + record.topic());
        }
        return new ConsumedEvent<>(event.getId(), event.getType(), CloudEventRecords.data(event, dataType));
    }
}
