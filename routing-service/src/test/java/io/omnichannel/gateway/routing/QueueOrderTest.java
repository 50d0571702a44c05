package io.omnichannel.gateway.routing;

import static io.omnichannel.gateway.routing.RoutingTestSupport.message;
import static io.omnichannel.gateway.routing.RoutingTestSupport.onlineAgent;
import static io.omnichannel.gateway.routing.RoutingTestSupport.publish;
import static io.omnichannel.gateway.routing.RoutingTestSupport.publishAll;
import static io.omnichannel.gateway.routing.RoutingTestSupport.publishReply;
import static io.omnichannel.gateway.routing.RoutingTestSupport.putInboxRouting;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.contract.RoutingEvent;
import io.omnichannel.gateway.contract.RoutingEventType;
import io.omnichannel.gateway.localstack.InjectLocalStack;
import io.omnichannel.gateway.localstack.LocalStack;
import io.omnichannel.gateway.localstack.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The queue's order and reach, offer timeouts per channel, next-response targets and the expected wait. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "databases", value = "routing"))
class QueueOrderTest {

    private static final String SMS_INBOX = "+15550001111";

    @InjectLocalStack
    LocalStack stack;

    @Inject
    EntityManager entityManager;

    private RoutingEventLog events;

    @BeforeEach
    void startFromAnEmptyQueue() {
        RoutingTestSupport.clearRoutingState(entityManager);
        events = new RoutingEventLog(stack.kafkaBootstrapServers());
    }

    @AfterEach
    void checkLoadsAndCloseLog() {
        events.close();
        RoutingTestSupport.assertLoadsMatchHeldWork(entityManager);
    }

    @Test
    void workNobodyCanTakeDoesNotHideWorkBehindIt() {
        putInboxRouting("klingon-desk", "{\"requiredSkills\":[\"klingon\"]}");
        Instant earlier = Instant.now().minus(Duration.ofMinutes(10));
        List<InboundMessage> unassignable = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            unassignable.add(message(Channel.SMS, "klingon-desk", "+1415" + UUID.randomUUID(), null, earlier.plusMillis(i)));
        }
        publishAll(stack.kafkaBootstrapServers(), unassignable);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/api/v1/queue?channel=sms&limit=1000")
                .then().body("size()", equalTo(450)));
        InboundMessage assignable = message(Channel.SMS, SMS_INBOX, "+1415" + UUID.randomUUID(), null, Instant.now());
        publish(stack.kafkaBootstrapServers(), assignable);
        events.await(assignable.conversationKey(), RoutingEventType.QUEUED);

        String ana = "agent-" + UUID.randomUUID();
        onlineAgent(ana, "{\"sms\":2}", "[]");

        assertThat(events.await(assignable.conversationKey(), RoutingEventType.ASSIGNED).agentId()).isEqualTo(ana);
        given().get("/api/v1/queue?channel=sms&limit=1000").then().body("size()", equalTo(450));
    }

    @Test
    void theQueueIsListedInTheOrderTheRouterServesIt() {
        // same due time: the high-priority item arrived a second later with a target a second shorter
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        given().contentType("application/json").body("{\"target\":\"PT59M59S\",\"inbox\":\"priority-line\",\"priority\":\"high\"}")
                .put("/api/v1/policies/sms").then().statusCode(200);
        putInboxRouting("priority-line", "{\"defaultPriority\":\"high\"}");
        InboundMessage normal = message(Channel.SMS, SMS_INBOX, "+1415" + UUID.randomUUID(), null, start);
        InboundMessage high = message(Channel.SMS, "priority-line", "+1415" + UUID.randomUUID(), null, start.plusSeconds(1));
        publish(stack.kafkaBootstrapServers(), normal);
        publish(stack.kafkaBootstrapServers(), high);
        RoutingEvent normalQueued = events.await(normal.conversationKey(), RoutingEventType.QUEUED);
        RoutingEvent highQueued = events.await(high.conversationKey(), RoutingEventType.QUEUED);
        assertThat(highQueued.dueAt()).isEqualTo(normalQueued.dueAt());

        given().get("/api/v1/queue?channel=sms").then().body("conversationKey",
                equalTo(List.of(high.conversationKey(), normal.conversationKey())));

        String ana = "agent-" + UUID.randomUUID();
        onlineAgent(ana, "{\"sms\":1}", "[]");
        events.await(high.conversationKey(), RoutingEventType.ASSIGNED);
        assertThat(events.all(normal.conversationKey(), Duration.ofSeconds(2)))
                .noneMatch(e -> e.type() == RoutingEventType.ASSIGNED);
    }

    @Test
    void eachChannelHasItsOwnOfferTimeout() {
        // tests: routing.offers.timeout=PT3S, routing.offers.channel-timeouts.phone=PT30S
        String ana = "agent-" + UUID.randomUUID();
        String bo = "agent-" + UUID.randomUUID();
        onlineAgent(ana, "{\"chat\":1}", "[]");
        onlineAgent(bo, "{\"phone\":1}", "[]");
        InboundMessage chat = message(Channel.CHAT, "web-main", "visitor-" + UUID.randomUUID(), null, Instant.now());
        InboundMessage call = message(Channel.PHONE, "+15550002222", "+1415" + UUID.randomUUID(), null, Instant.now());
        publish(stack.kafkaBootstrapServers(), chat);
        publish(stack.kafkaBootstrapServers(), call);

        RoutingEvent callOffered = events.await(call.conversationKey(), RoutingEventType.OFFERED);
        Instant callExpires = Instant.parse(given().get("/api/v1/agents/" + bo + "/offers").then().extract()
                .path("[0].offerExpiresAt"));
        assertThat(Duration.between(callOffered.occurredAt(), callExpires).toMillis()).isBetween(29_999L, 30_001L);
        RoutingEvent chatOffered = events.await(chat.conversationKey(), RoutingEventType.OFFERED);
        RoutingEvent chatExpired = events.await(chat.conversationKey(), RoutingEventType.REROUTED);
        assertThat(Duration.between(chatOffered.occurredAt(), chatExpired.occurredAt()))
                .isBetween(Duration.ofSeconds(3), Duration.ofSeconds(15));
        given().get("/api/v1/agents/" + bo + "/offers").then().body("size()", equalTo(1));
    }

    @Test
    void theNextResponseClockUsesItsOwnTarget() {
        // tests: routing.next-response-targets.email=PT2H (first response: 24 h)
        String ana = "agent-" + UUID.randomUUID();
        onlineAgent(ana, "{\"email\":1}", "[]");
        String customer = "c-" + UUID.randomUUID() + "@x.test";
        InboundMessage first = message(Channel.EMAIL, "support@x.test", customer, null, Instant.now());
        publish(stack.kafkaBootstrapServers(), first);
        assertThat(events.await(first.conversationKey(), RoutingEventType.QUEUED).dueAt())
                .isEqualTo(first.receivedAt().plus(Duration.ofHours(24)));
        events.await(first.conversationKey(), RoutingEventType.ASSIGNED);
        publishReply(stack.kafkaBootstrapServers(), first.conversationKey(), ana);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/statistics")
                .then().body("find { it.channel == 'email' }.slaAttainment", equalTo(1.0f)));

        InboundMessage again = message(Channel.EMAIL, "support@x.test", customer, null, Instant.now());
        publish(stack.kafkaBootstrapServers(), again);

        assertThat(events.await(first.conversationKey(), RoutingEventType.QUEUED, 2).dueAt())
                .isEqualTo(again.receivedAt().plus(Duration.ofHours(2)));
    }

    @Test
    void theExpectedWaitOfABusyInboxUsesItsOwnPickUpRate() {
        String ana = "agent-" + UUID.randomUUID();
        onlineAgent(ana, "{\"sms\":11}", "[]");
        List<InboundMessage> busy = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            busy.add(message(Channel.SMS, "busy-line", "+1415" + UUID.randomUUID(), null, Instant.now()));
        }
        busy.add(message(Channel.SMS, "quiet-line", "+1415" + UUID.randomUUID(), null, Instant.now()));
        publishAll(stack.kafkaBootstrapServers(), busy);
        busy.forEach(message -> events.await(message.conversationKey(), RoutingEventType.ASSIGNED));
        // the agent is full now: the next ones wait
        publish(stack.kafkaBootstrapServers(), message(Channel.SMS, "busy-line", "+1415" + UUID.randomUUID(), null, Instant.now()));
        publish(stack.kafkaBootstrapServers(), message(Channel.SMS, "quiet-line", "+1415" + UUID.randomUUID(), null, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/queue?channel=sms")
                .then().body("size()", equalTo(2)));

        // busy-line: 10 pick-ups in 15 min, its own; quiet-line: 1, so the channel's 11
        given().get("/api/v1/expected-wait?channel=sms&inbox=busy-line").then().statusCode(200)
                .body("waitingAhead", equalTo(1), "rateScope", equalTo("inbox"), "expectedWaitSeconds", equalTo(90));
        given().get("/api/v1/expected-wait?channel=sms&inbox=quiet-line").then().statusCode(200)
                .body("waitingAhead", equalTo(1), "rateScope", equalTo("channel"), "expectedWaitSeconds", equalTo(82));
    }
}
