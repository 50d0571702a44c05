package io.omnichannel.gateway.adapters.support;

import io.cloudevents.CloudEvent;
import io.omnichannel.gateway.contract.CloudEventRecords;
import io.omnichannel.gateway.contract.DeliveryReceipt;
import io.omnichannel.gateway.contract.EventTypes;
import io.omnichannel.gateway.contract.OutboundMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes and reads the gateway's events on the real broker, as the other services do. */
public final class Broker {

    private Broker() {
    }

    /** Publishes a reply to gateway.outbound.v1, as the conversation service's outbox does. */
    public static void publishReply(String bootstrapServers, OutboundMessage message) {
        publish(bootstrapServers, CloudEventRecords.record(io.omnichannel.gateway.contract.Topics.OUTBOUND,
                message.conversationKey(), message.id(), EventTypes.OUTBOUND_MESSAGE, URI.create("/test"),
                message.createdAt(), message));
    }

    public static void publish(String bootstrapServers, ProducerRecord<String, byte[]> record) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish the test event", e);
        }
    }

    public static boolean contains(ConsumerRecord<String, byte[]> record, String text) {
        return record.value() != null && new String(record.value(), StandardCharsets.UTF_8).contains(text);
    }

    public static DeliveryReceipt receipt(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = CloudEventRecords.read(record);
        return CloudEventRecords.data(event, DeliveryReceipt.class);
    }
}
