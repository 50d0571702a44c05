package io.omnichannel.gateway.routing;

import static io.omnichannel.gateway.routing.RoutingTestSupport.publish;
import static io.omnichannel.gateway.routing.RoutingTestSupport.registerAgent;
import static io.omnichannel.gateway.routing.RoutingTestSupport.setPresence;
import static io.omnichannel.gateway.routing.RoutingTestSupport.sms;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import io.omnichannel.gateway.contract.CloudEventRecords;
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
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "databases", value = "routing"))
class AssignmentTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @InjectLocalStack
    LocalStack stack;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void startFromAnEmptyQueue() {
        RoutingTestSupport.clearRoutingState(entityManager);
    }

    @AfterEach
    void checkLoads() {
        RoutingTestSupport.assertLoadsMatchHeldWork(entityManager);
    }

    @Test
    void assignsToAnOnlineAgentDueAtArrivalPlusTheSmsTarget() {
        String agent = "agent-" + UUID.randomUUID();
        registerAgent(agent, "{\"sms\":5}");
        setPresence(agent, "ONLINE");
        Instant arrival = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        InboundMessage message = sms("+1415" + UUID.randomUUID(), arrival);

        publish(stack.kafkaBootstrapServers(), message);

        RoutingEvent assigned = awaitEvent(message, RoutingEventType.ASSIGNED);
        assertThat(assigned.agentId()).isEqualTo(agent);
        assertThat(assigned.dueAt()).isEqualTo(arrival.plus(Duration.ofHours(1)));
        assertThat(assigned.messageId()).isEqualTo(message.id());
        assertThat(awaitEvent(message, RoutingEventType.QUEUED).agentId()).isNull();
        for (String stage : List.of("fetch", "queue", "assign", "publish")) {
            assertThat(RoutingTestSupport.stageRuns(stage)).as("runs of the %s stage on /q/metrics", stage).isPositive();
        }
    }

    @Test
    void waitsWithoutAgentsAndAssignsTheMomentOneComesOnline() {
        InboundMessage message = sms("+1416" + UUID.randomUUID(), Instant.now());
        publish(stack.kafkaBootstrapServers(), message);
        awaitEvent(message, RoutingEventType.QUEUED);
        given().get("/api/v1/queue").then().body("findAll { it.conversationKey == '" + message.conversationKey() + "' }", hasSize(1));

        String agent = "agent-" + UUID.randomUUID();
        registerAgent(agent, "{\"sms\":1}");
        setPresence(agent, "ONLINE");

        assertThat(awaitEvent(message, RoutingEventType.ASSIGNED).agentId()).isEqualTo(agent);
    }

    @Test
    void neverExceedsCapacityAndServesTheEarliestDueFirst() {
        Instant now = Instant.now();
        InboundMessage later = sms("+1417" + UUID.randomUUID(), now);
        InboundMessage earlier = sms("+1418" + UUID.randomUUID(), now.minusSeconds(120));
        publish(stack.kafkaBootstrapServers(), later);
        publish(stack.kafkaBootstrapServers(), earlier);
        awaitEvent(later, RoutingEventType.QUEUED);
        awaitEvent(earlier, RoutingEventType.QUEUED);

        String agent = "agent-" + UUID.randomUUID();
        registerAgent(agent, "{\"sms\":1,\"chat\":3}");
        setPresence(agent, "ONLINE");

        assertThat(awaitEvent(earlier, RoutingEventType.ASSIGNED).agentId()).isEqualTo(agent);
        try (TopicProbe routing = new TopicProbe(stack.kafkaBootstrapServers(), Topics.ROUTING)) {
            List<RoutingEvent> events = routing.poll(Duration.ofSeconds(3)).stream().map(AssignmentTest::event).toList();
            assertThat(events).noneMatch(e -> e.type() == RoutingEventType.ASSIGNED
                    && e.conversationKey().equals(later.conversationKey()));
        }
        given().get("/api/v1/queue").then().body("findAll { it.conversationKey == '" + later.conversationKey() + "' }", hasSize(1));
    }

    @Test
    void queuesARedeliveredMessageOnce() {
        InboundMessage message = sms("+1419" + UUID.randomUUID(), Instant.now());
        publish(stack.kafkaBootstrapServers(), message);
        publish(stack.kafkaBootstrapServers(), message);
        awaitEvent(message, RoutingEventType.QUEUED);

        try (TopicProbe routing = new TopicProbe(stack.kafkaBootstrapServers(), Topics.ROUTING)) {
            assertThat(routing.poll(Duration.ofSeconds(3)).stream().map(AssignmentTest::event)
                    .filter(e -> e.messageId().equals(message.id()))).hasSize(1);
        }
    }

    @Test
    void sendsAnUnreadableEventToTheDeadLetterTopicAndGoesOn() {
        String key = "sms:+15550001111:broken-" + UUID.randomUUID();
        publish(stack.kafkaBootstrapServers(), new ProducerRecord<>(Topics.INBOUND, key, "not json".getBytes(StandardCharsets.UTF_8)));
        InboundMessage next = sms("+1420" + UUID.randomUUID(), Instant.now());
        publish(stack.kafkaBootstrapServers(), next);

        try (TopicProbe deadLetters = new TopicProbe(stack.kafkaBootstrapServers(), Topics.DEAD_LETTER)) {
            List<ConsumerRecord<String, byte[]>> dead = deadLetters.await(r -> key.equals(r.key()), 1, WAIT);
            assertThat(dead).hasSize(1);
            assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                    .contains("not a CloudEvent");
        }
        awaitEvent(next, RoutingEventType.QUEUED);
    }

    private RoutingEvent awaitEvent(InboundMessage message, RoutingEventType type) {
        try (TopicProbe routing = new TopicProbe(stack.kafkaBootstrapServers(), Topics.ROUTING)) {
            List<RoutingEvent> found = routing.await(r -> {
                RoutingEvent e = event(r);
                return e.type() == type && message.id().equals(e.messageId());
            }, 1, WAIT).stream().map(AssignmentTest::event).toList();
            assertThat(found).as("%s event for %s", type.wireName(), message.conversationKey()).isNotEmpty();
            return found.get(0);
        }
    }

    private static RoutingEvent event(ConsumerRecord<String, byte[]> record) {
        return CloudEventRecords.data(CloudEventRecords.read(record), RoutingEvent.class);
    }
}
