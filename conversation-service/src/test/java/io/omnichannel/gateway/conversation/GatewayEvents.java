package io.omnichannel.gateway.conversation;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.CloudEventRecords;
import io.omnichannel.gateway.contract.ConversationKey;
import io.omnichannel.gateway.contract.CustomerRef;
import io.omnichannel.gateway.contract.DeliveryReceipt;
import io.omnichannel.gateway.contract.EventTypes;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.contract.RoutingEvent;
import io.omnichannel.gateway.contract.RoutingEventType;
import io.omnichannel.gateway.contract.Topics;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes events to the real broker the way the other services do: CloudEvents in binary mode. */
final class GatewayEvents implements AutoCloseable {

    static final String INBOX = "support-widget";

    private final KafkaProducer<String, byte[]> producer;

    GatewayEvents(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** A handle no other test uses, so that each test has its own customer and conversation. */
    static String newHandle() {
        return "visitor-" + UUID.randomUUID();
    }

    static String keyOf(String handle) {
        return ConversationKey.of(Channel.CHAT, INBOX, handle);
    }

    static InboundMessage chatMessage(String handle, String text) {
        return chatMessage(handle, text, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    static InboundMessage chatMessage(String handle, String text, Instant receivedAt) {
        return new InboundMessage(UUID.randomUUID().toString(), Channel.CHAT, "webchat", INBOX,
                "ext-" + UUID.randomUUID(), null, new CustomerRef(handle, "Ada Lovelace"), receivedAt.minusSeconds(1),
                receivedAt, null, text, null, List.of(), "en", Map.of());
    }

    /** A message on any channel, e.g. an SMS: {@code message(Channel.SMS, "twilio", "+15550001111", "+14155550100", ...)}. */
    static InboundMessage message(Channel channel, String provider, String inbox, String handle, String text,
            Map<String, String> metadata) {
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new InboundMessage(UUID.randomUUID().toString(), channel, provider, inbox, "ext-" + UUID.randomUUID(), null,
                new CustomerRef(handle, "Ada Lovelace"), receivedAt.minusSeconds(1), receivedAt,
                channel == Channel.EMAIL ? "My parcel" : null, text, null, List.of(), "en", metadata);
    }

    /** A routing event about the conversation of {@code key}. */
    static RoutingEvent routing(RoutingEventType type, String key, String agentId, Instant dueAt) {
        ConversationKey parsed = ConversationKey.parse(key);
        return new RoutingEvent(type, key, "work-" + UUID.randomUUID(), null, parsed.channel(), parsed.inbox(), agentId,
                dueAt, Instant.now());
    }

    static RoutingEvent assigned(String handle, String agentId, Instant dueAt) {
        return new RoutingEvent(RoutingEventType.ASSIGNED, keyOf(handle), "work-" + UUID.randomUUID(), null,
                Channel.CHAT, INBOX, agentId, dueAt, Instant.now());
    }

    /** Publishes {@code message} as the channel adapters do: the event id is the message id. */
    void publish(InboundMessage message) {
        publish(message, message.id());
    }

    void publish(InboundMessage message, String eventId) {
        send(CloudEventRecords.record(Topics.INBOUND, message.conversationKey(), eventId,
                EventTypes.INBOUND_MESSAGE, URI.create("/channel-adapters/chat/webchat"), message.receivedAt(), message));
    }

    void publish(RoutingEvent event) {
        send(CloudEventRecords.record(Topics.ROUTING, event.conversationKey(), UUID.randomUUID().toString(),
                event.type().cloudEventType(), URI.create("/routing-service"), event.occurredAt(), event));
    }

    void publish(DeliveryReceipt receipt) {
        send(CloudEventRecords.record(Topics.DELIVERY, receipt.conversationKey(), UUID.randomUUID().toString(),
                EventTypes.DELIVERY_RECEIPT, URI.create("/channel-adapters"), receipt.occurredAt(), receipt));
    }

    /** Sends and waits for the broker's acknowledgement. */
    void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not take " + record.key(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
