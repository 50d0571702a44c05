package io.omnichannel.gateway.conversation;

import static io.omnichannel.gateway.conversation.ConversationApi.awaitConversation;
import static io.omnichannel.gateway.conversation.ConversationApi.awaitConversationOf;
import static io.omnichannel.gateway.conversation.GatewayEvents.chatMessage;
import static io.omnichannel.gateway.conversation.GatewayEvents.keyOf;
import static io.omnichannel.gateway.conversation.GatewayEvents.newHandle;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.CloudEventRecords;
import io.omnichannel.gateway.contract.EventTypes;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.contract.RoutingEvent;
import io.omnichannel.gateway.contract.RoutingEventType;
import io.omnichannel.gateway.contract.Topics;
import io.omnichannel.gateway.localstack.InjectLocalStack;
import io.omnichannel.gateway.localstack.LocalStack;
import io.omnichannel.gateway.localstack.LocalStackResource;
import io.omnichannel.gateway.localstack.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = ConversationStack.class, initArgs = @ResourceArg(name = "databases", value = "conversation"))
class DeadLetterTest {

    @InjectLocalStack
    LocalStack stack;

    private GatewayEvents events;

    @BeforeEach
    void connect() {
        events = new GatewayEvents(stack.kafkaBootstrapServers());
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    @Test
    void deadLettersARecordThatIsNotACloudEventAndGoesOnWithTheNext() {
        String handle = newHandle();
        String key = keyOf(handle);
        InboundMessage next = chatMessage(handle, "after the broken one");

        events.send(new ProducerRecord<>(Topics.INBOUND, key, "{\"text\":\"no envelope\"}".getBytes(StandardCharsets.UTF_8)));
        events.publish(next);

        ConsumerRecord<String, byte[]> deadLetter = awaitDeadLetter(key);
        assertThat(header(deadLetter, "dead-letter-reason")).contains("not a CloudEvent");
        assertThat(header(deadLetter, "dead-letter-topic")).isEqualTo(Topics.INBOUND);
        assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo("{\"text\":\"no envelope\"}");
        String id = awaitConversationOf(key);
        assertThat(awaitConversation(id, json -> json.getList("messages").size() == 1).getString("messages[0].id"))
                .isEqualTo(next.id());
    }

    @Test
    void deadLettersACloudEventWhoseDataIsNotAValidMessage() {
        String handle = newHandle();
        String key = keyOf(handle);
        InboundMessage next = chatMessage(handle, "after the invalid one");

        events.send(CloudEventRecords.record(Topics.INBOUND, key, UUID.randomUUID().toString(), EventTypes.INBOUND_MESSAGE,
                URI.create("/test"), Instant.now(), Map.of("id", "m-1", "channel", "fax")));
        events.publish(next);

        assertThat(header(awaitDeadLetter(key), "dead-letter-reason"))
                .contains("not a valid InboundMessage", "unknown channel 'fax'");
        String id = awaitConversationOf(key);
        assertThat(awaitConversation(id, json -> json.getList("messages").size() == 1).getString("messages[0].id"))
                .isEqualTo(next.id());
    }

    @Test
    void deadLettersAnAssignmentThatNamesNoAgent() {
        String handle = newHandle();
        RoutingEvent noAgent = new RoutingEvent(RoutingEventType.ASSIGNED, keyOf(handle), "work-1", null, Channel.CHAT,
                GatewayEvents.INBOX, null, null, Instant.now());

        events.publish(noAgent);

        ConsumerRecord<String, byte[]> deadLetter = awaitDeadLetter(keyOf(handle));
        assertThat(header(deadLetter, "dead-letter-reason")).contains("names no agentId");
        assertThat(header(deadLetter, "dead-letter-topic")).isEqualTo(Topics.ROUTING);
    }

    private ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
        try (TopicProbe deadLetters = new TopicProbe(stack.kafkaBootstrapServers(), Topics.DEAD_LETTER)) {
            List<ConsumerRecord<String, byte[]>> records = deadLetters.await(r -> key.equals(r.key()), 1,
                    ConversationApi.CONSUMED_WITHIN);
            assertThat(records).as("dead letters with key %s", key).hasSize(1);
            return records.get(0);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
