package io.omnichannel.gateway.routing;

import static io.omnichannel.gateway.routing.RoutingTestSupport.message;
import static io.omnichannel.gateway.routing.RoutingTestSupport.onlineAgent;
import static io.omnichannel.gateway.routing.RoutingTestSupport.publish;
import static io.omnichannel.gateway.routing.RoutingTestSupport.publishPresence;
import static io.omnichannel.gateway.routing.RoutingTestSupport.publishReply;
import static io.omnichannel.gateway.routing.RoutingTestSupport.setPresence;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
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
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The routing rules end to end through Kafka and PostgreSQL; test timeouts are short (see %test in application.properties). */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "databases", value = "routing"))
class RoutingRulesTest {

    private static final String INBOX = "web-main";

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

    private InboundMessage chat(String language) {
        InboundMessage message = message(Channel.CHAT, INBOX, "visitor-" + UUID.randomUUID(), language, Instant.now());
        publish(stack.kafkaBootstrapServers(), message);
        return message;
    }

    private static String agent() {
        return "agent-" + UUID.randomUUID();
    }

    @Test
    void offersChatAndAssignsOnAccept() {
        String ana = agent();
        onlineAgent(ana, "{\"chat\":2}", "[]");
        InboundMessage message = chat(null);

        RoutingEvent offered = events.await(message.conversationKey(), RoutingEventType.OFFERED);
        assertThat(offered.agentId()).isEqualTo(ana);
        given().get("/api/v1/agents/" + ana + "/offers").then().body("size()", equalTo(1));

        given().post("/api/v1/agents/" + ana + "/offers/" + offered.workItemId() + "/accept").then().statusCode(200)
                .body("status", equalTo("assigned"));
        assertThat(events.await(message.conversationKey(), RoutingEventType.ASSIGNED).agentId()).isEqualTo(ana);
        given().post("/api/v1/agents/" + ana + "/offers/" + offered.workItemId() + "/accept").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aRejectedOfferGoesToAnotherAgentWithItsOriginalDueTime() {
        String ana = agent();
        String bo = agent();
        onlineAgent(ana, "{\"chat\":1}", "[]");
        InboundMessage message = chat(null);
        RoutingEvent first = events.await(message.conversationKey(), RoutingEventType.OFFERED);
        onlineAgent(bo, "{\"chat\":1}", "[]");

        given().post("/api/v1/agents/" + first.agentId() + "/offers/" + first.workItemId() + "/reject").then().statusCode(200);

        events.await(message.conversationKey(), RoutingEventType.REROUTED);
        RoutingEvent second = events.await(message.conversationKey(), RoutingEventType.OFFERED, 2);
        assertThat(second.agentId()).isNotEqualTo(first.agentId());
        assertThat(second.dueAt()).isEqualTo(first.dueAt());
    }

    @Test
    void anOfferThatTimesOutIsNotOfferedToTheSameAgentAgain() {
        String ana = agent();
        onlineAgent(ana, "{\"chat\":1}", "[]");
        InboundMessage message = chat(null);
        events.await(message.conversationKey(), RoutingEventType.OFFERED);

        events.await(message.conversationKey(), RoutingEventType.REROUTED);
        assertThat(events.all(message.conversationKey(), Duration.ofSeconds(3)))
                .filteredOn(e -> e.type() == RoutingEventType.OFFERED).hasSize(1);
    }

    @Test
    void goingAwayReturnsOpenOffersAndUnansweredWork() {
        String ana = agent();
        onlineAgent(ana, "{\"chat\":1,\"sms\":1}", "[]");
        InboundMessage chat = chat(null);
        InboundMessage sms = message(Channel.SMS, "+15550001111", "+1415" + UUID.randomUUID(), null, Instant.now());
        publish(stack.kafkaBootstrapServers(), sms);
        events.await(chat.conversationKey(), RoutingEventType.OFFERED);
        events.await(sms.conversationKey(), RoutingEventType.ASSIGNED);

        setPresence(ana, "AWAY");

        events.await(chat.conversationKey(), RoutingEventType.REROUTED);
        events.await(sms.conversationKey(), RoutingEventType.REROUTED);
        given().get("/api/v1/queue").then().body("size()", equalTo(2));
    }

    @Test
    void presenceFromTheDesktopArrivesAsAnEvent() {
        String ana = agent();
        RoutingTestSupport.registerAgent(ana, "{\"sms\":1}");
        InboundMessage sms = message(Channel.SMS, "+15550001111", "+1415" + UUID.randomUUID(), null, Instant.now());
        publish(stack.kafkaBootstrapServers(), sms);
        events.await(sms.conversationKey(), RoutingEventType.QUEUED);

        publishPresence(stack.kafkaBootstrapServers(), ana, "ONLINE");

        assertThat(events.await(sms.conversationKey(), RoutingEventType.ASSIGNED).agentId()).isEqualTo(ana);
    }

    @Test
    void stickyRoutingPrefersTheLastAgentAndNeverWaitsOnAnOfflineOne() {
        String ana = agent();
        String bo = agent();
        onlineAgent(ana, "{\"sms\":5}", "[]");
        String customer = "+1415" + UUID.randomUUID();
        InboundMessage first = message(Channel.SMS, "+15550001111", customer, null, Instant.now());
        publish(stack.kafkaBootstrapServers(), first);
        events.await(first.conversationKey(), RoutingEventType.ASSIGNED);
        resolve(first.conversationKey());
        events.await(first.conversationKey(), RoutingEventType.RELEASED);

        onlineAgent(bo, "{\"sms\":5}", "[]");
        InboundMessage returning = message(Channel.SMS, "+15550001111", customer, null, Instant.now());
        publish(stack.kafkaBootstrapServers(), returning);
        assertThat(events.await(first.conversationKey(), RoutingEventType.ASSIGNED, 2).agentId())
                .as("bo is less busy, but ana served this customer").isEqualTo(ana);

        resolve(first.conversationKey());
        events.await(first.conversationKey(), RoutingEventType.RELEASED, 2);
        setPresence(ana, "OFFLINE");
        publish(stack.kafkaBootstrapServers(), message(Channel.SMS, "+15550001111", customer, null, Instant.now()));
        assertThat(events.await(first.conversationKey(), RoutingEventType.ASSIGNED, 3).agentId()).isEqualTo(bo);
    }

    @Test
    void anOptionalSkillNobodyHasIsDroppedAfterTheWait() {
        String ana = agent();
        onlineAgent(ana, "{\"sms\":2}", "[\"en\"]");
        InboundMessage finnish = message(Channel.SMS, "+15550001111", "+1415" + UUID.randomUUID(), "fi", Instant.now());
        publish(stack.kafkaBootstrapServers(), finnish);
        events.await(finnish.conversationKey(), RoutingEventType.QUEUED);
        given().get("/api/v1/queue").then().body("[0].optionalSkills", org.hamcrest.Matchers.hasItem("fi"));

        RoutingEvent assigned = events.await(finnish.conversationKey(), RoutingEventType.ASSIGNED);
        assertThat(assigned.agentId()).isEqualTo(ana);
        assertThat(assigned.occurredAt()).isAfterOrEqualTo(finnish.receivedAt().plusSeconds(3));
    }

    @Test
    void aRequiredSkillIsServedOnlyByAgentsWhoHaveIt() {
        given().contentType("application/json").body("{\"requiredSkills\":[\"billing\"]}")
                .put("/api/v1/inboxes/billing-line/routing").then().statusCode(200);
        String generalist = agent();
        onlineAgent(generalist, "{\"sms\":5}", "[]");
        InboundMessage billing = message(Channel.SMS, "billing-line", "+1415" + UUID.randomUUID(), null, Instant.now());
        publish(stack.kafkaBootstrapServers(), billing);
        events.await(billing.conversationKey(), RoutingEventType.QUEUED);
        String specialist = agent();

        onlineAgent(specialist, "{\"sms\":1}", "[\"billing\"]");

        assertThat(events.await(billing.conversationKey(), RoutingEventType.ASSIGNED).agentId()).isEqualTo(specialist);
    }

    @Test
    void warnsAndBreachesOnTheResponseTargetAndResolveStopsTheClock() {
        given().contentType("application/json").body("{\"target\":\"PT2S\",\"inbox\":\"" + INBOX + "\"}")
                .put("/api/v1/policies/chat").then().statusCode(200);
        InboundMessage waiting = chat(null);

        RoutingEvent queued = events.await(waiting.conversationKey(), RoutingEventType.QUEUED);
        assertThat(Duration.between(waiting.receivedAt(), queued.dueAt())).isEqualTo(Duration.ofSeconds(2));
        events.await(waiting.conversationKey(), RoutingEventType.SLA_WARNING);
        events.await(waiting.conversationKey(), RoutingEventType.SLA_BREACHED);

        InboundMessage resolvedEarly = message(Channel.CHAT, "web-other", "visitor-" + UUID.randomUUID(), null, Instant.now());
        publish(stack.kafkaBootstrapServers(), resolvedEarly);
        events.await(resolvedEarly.conversationKey(), RoutingEventType.QUEUED);
        resolve(resolvedEarly.conversationKey());
        events.await(resolvedEarly.conversationKey(), RoutingEventType.RELEASED);
        assertThat(events.all(resolvedEarly.conversationKey(), Duration.ofSeconds(4)))
                .noneMatch(e -> e.type() == RoutingEventType.SLA_WARNING || e.type() == RoutingEventType.SLA_BREACHED);
    }

    @Test
    void anAgentsReplyStopsTheClockAndTheCustomersNextMessageStartsTheNextResponseClock() {
        String ana = agent();
        onlineAgent(ana, "{\"sms\":1}", "[]");
        String customer = "+1415" + UUID.randomUUID();
        InboundMessage first = message(Channel.SMS, "+15550001111", customer, null, Instant.now());
        publish(stack.kafkaBootstrapServers(), first);
        events.await(first.conversationKey(), RoutingEventType.ASSIGNED);

        publishReply(stack.kafkaBootstrapServers(), first.conversationKey(), ana);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/statistics")
                .then().body("find { it.channel == 'sms' }.slaAttainment", equalTo(1.0f)));

        Instant later = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(stack.kafkaBootstrapServers(), message(Channel.SMS, "+15550001111", customer, null, later));
        RoutingEvent nextClock = events.await(first.conversationKey(), RoutingEventType.QUEUED, 2);
        assertThat(nextClock.agentId()).isEqualTo(ana);
        assertThat(nextClock.dueAt()).isEqualTo(later.plus(Duration.ofHours(1)));
    }

    @Test
    void aPriorityChangeMovesTheDueTimeAndTheQueueOrder() {
        InboundMessage older = message(Channel.EMAIL, "support@x.test", "a-" + UUID.randomUUID() + "@x.test", null,
                Instant.now().minusSeconds(600));
        InboundMessage newer = message(Channel.EMAIL, "support@x.test", "b-" + UUID.randomUUID() + "@x.test", null, Instant.now());
        publish(stack.kafkaBootstrapServers(), older);
        publish(stack.kafkaBootstrapServers(), newer);
        events.await(older.conversationKey(), RoutingEventType.QUEUED);
        events.await(newer.conversationKey(), RoutingEventType.QUEUED);
        given().get("/api/v1/queue?channel=email").then().body("[0].conversationKey", equalTo(older.conversationKey()));

        given().contentType("application/json").body("{\"priority\":\"urgent\"}")
                .put("/api/v1/conversations/{key}/priority", newer.conversationKey()).then().statusCode(200)
                .body("priority", equalTo("urgent"));

        given().get("/api/v1/queue?channel=email").then().body("[0].conversationKey", equalTo(newer.conversationKey()));
        assertThat(events.await(newer.conversationKey(), RoutingEventType.QUEUED, 2).dueAt())
                .isEqualTo(newer.receivedAt().plus(Duration.ofHours(6)));
    }

    @Test
    void businessHoursHoldTheClockWhileClosed() {
        Instant now = Instant.now();
        java.time.DayOfWeek tomorrow = now.atZone(java.time.ZoneOffset.UTC).plusDays(1).getDayOfWeek();
        given().contentType("application/json")
                .body("{\"timeZone\":\"UTC\",\"weeklyHours\":[\"" + tomorrow + " 09:00-17:00\"]}")
                .put("/api/v1/calendars/office").then().statusCode(200);
        given().contentType("application/json").body("{\"calendarId\":\"office\"}")
                .put("/api/v1/inboxes/office-line/routing").then().statusCode(200);
        InboundMessage closed = message(Channel.SMS, "office-line", "+1415" + UUID.randomUUID(), null, now);
        publish(stack.kafkaBootstrapServers(), closed);

        RoutingEvent queued = events.await(closed.conversationKey(), RoutingEventType.QUEUED);
        Instant opening = now.atZone(java.time.ZoneOffset.UTC).plusDays(1).toLocalDate().atTime(9, 0).toInstant(java.time.ZoneOffset.UTC);
        assertThat(queued.dueAt()).isEqualTo(opening.plus(Duration.ofHours(1)));
    }

    @Test
    void transfersToAnAgentWithRoomOrToATeamAndEscalatesToASupervisor() {
        String ana = agent();
        String full = agent();
        String boss = agent();
        onlineAgent(ana, "{\"sms\":1}", "[]");
        InboundMessage sms = message(Channel.SMS, "+15550001111", "+1415" + UUID.randomUUID(), null, Instant.now());
        publish(stack.kafkaBootstrapServers(), sms);
        events.await(sms.conversationKey(), RoutingEventType.ASSIGNED);
        RoutingTestSupport.registerAgent(full, "{\"sms\":1}");

        given().contentType("application/json").body("{\"agentId\":\"" + full + "\"}")
                .post("/api/v1/conversations/{key}/transfer", sms.conversationKey()).then().statusCode(409)
                .body("detail", containsString("offline"));
        given().contentType("application/json").body("{\"teamId\":\"nowhere\"}")
                .post("/api/v1/conversations/{key}/transfer", sms.conversationKey()).then().statusCode(404);

        onlineAgent(boss, "{\"sms\":3}", "[\"supervisor\"]");
        given().contentType("application/json").body("{\"reason\":\"asked for a manager\"}")
                .post("/api/v1/conversations/{key}/escalate", sms.conversationKey()).then().statusCode(202);
        assertThat(events.await(sms.conversationKey(), RoutingEventType.ASSIGNED, 2).agentId()).isEqualTo(boss);

        given().post("/api/v1/conversations/{key}/resolve", "sms:none:nobody").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void estimatesTheWaitFromTheQueueAndThePickUpRate() {
        given().get("/api/v1/expected-wait?channel=sms").then().statusCode(200)
                .body("waitingAhead", equalTo(0), "expectedWaitSeconds", equalTo(null));
        String ana = agent();
        onlineAgent(ana, "{\"sms\":1}", "[]");
        InboundMessage served = message(Channel.SMS, "+15550001111", "+1415" + UUID.randomUUID(), null, Instant.now());
        publish(stack.kafkaBootstrapServers(), served);
        events.await(served.conversationKey(), RoutingEventType.ASSIGNED);
        InboundMessage waiting = message(Channel.SMS, "+15550001111", "+1415" + UUID.randomUUID(), null, Instant.now());
        publish(stack.kafkaBootstrapServers(), waiting);
        events.await(waiting.conversationKey(), RoutingEventType.QUEUED);

        given().get("/api/v1/expected-wait?channel=sms").then().statusCode(200)
                .body("waitingAhead", equalTo(1), "expectedWaitSeconds", equalTo(900));
        given().get("/api/v1/expected-wait").then().statusCode(400).body("field", equalTo("channel"));
    }

    private static void resolve(String conversationKey) {
        given().post("/api/v1/conversations/{key}/resolve", conversationKey).then().statusCode(204);
    }
}
