package io.omnichannel.gateway.routing;

import static io.omnichannel.gateway.routing.RoutingTestSupport.message;
import static io.omnichannel.gateway.routing.RoutingTestSupport.onlineAgent;
import static io.omnichannel.gateway.routing.RoutingTestSupport.publish;
import static io.omnichannel.gateway.routing.RoutingTestSupport.publishPresence;
import static io.omnichannel.gateway.routing.RoutingTestSupport.putInboxRouting;
import static io.omnichannel.gateway.routing.RoutingTestSupport.putPolicy;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Edge cases of the routing rules, end to end through Kafka and PostgreSQL. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "databases", value = "routing"))
class RoutingEdgeCasesTest {

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

    private InboundMessage publishSms(String inbox, String language) {
        InboundMessage message = message(Channel.SMS, inbox, "+1415" + UUID.randomUUID(), language, Instant.now());
        publish(stack.kafkaBootstrapServers(), message);
        return message;
    }

    @Test
    void waitingWorkGoesToTheFirstAgentWhoFreesASlot() {
        String ana = "agent-" + UUID.randomUUID();
        onlineAgent(ana, "{\"sms\":1}", "[]");
        InboundMessage first = publishSms(SMS_INBOX, null);
        events.await(first.conversationKey(), RoutingEventType.ASSIGNED);
        InboundMessage second = publishSms(SMS_INBOX, null);
        events.await(second.conversationKey(), RoutingEventType.QUEUED);
        assertThat(events.all(second.conversationKey(), Duration.ofSeconds(2)))
                .noneMatch(e -> e.type() == RoutingEventType.ASSIGNED);

        given().post("/api/v1/conversations/{key}/resolve", first.conversationKey()).then().statusCode(204);

        RoutingEvent assigned = events.await(second.conversationKey(), RoutingEventType.ASSIGNED);
        assertThat(assigned.agentId()).isEqualTo(ana);
    }

    @Test
    void anAgentReopeningAResolvedConversationHoldsItAgainWithinCapacity() {
        String ana = "agent-" + UUID.randomUUID();
        onlineAgent(ana, "{\"sms\":1}", "[]");
        InboundMessage first = publishSms(SMS_INBOX, null);
        events.await(first.conversationKey(), RoutingEventType.ASSIGNED);
        given().post("/api/v1/conversations/{key}/resolve", first.conversationKey()).then().statusCode(204);
        given().post("/api/v1/conversations/{key}/resolve", first.conversationKey()).then().statusCode(404);

        given().contentType("application/json").body("{\"agentId\":\"" + ana + "\"}")
                .post("/api/v1/conversations/{key}/reopen", first.conversationKey())
                .then().statusCode(200).body("status", equalTo("assigned"), "agentId", equalTo(ana), "awaitingResponse", equalTo(false));

        // held again: the agent's one SMS slot is taken, so new work waits
        InboundMessage second = publishSms(SMS_INBOX, null);
        events.await(second.conversationKey(), RoutingEventType.QUEUED);
        assertThat(events.all(second.conversationKey(), Duration.ofSeconds(2)))
                .noneMatch(e -> e.type() == RoutingEventType.ASSIGNED);
        // reopened, it is live work again: reopening it once more is a conflict
        given().contentType("application/json").body("{\"agentId\":\"" + ana + "\"}")
                .post("/api/v1/conversations/{key}/reopen", first.conversationKey()).then().statusCode(409);
        given().contentType("application/json").body("{}")
                .post("/api/v1/conversations/{key}/reopen", first.conversationKey()).then().statusCode(400)
                .body("field", equalTo("agentId"));
        given().contentType("application/json").body("{\"agentId\":\"" + ana + "\"}")
                .post("/api/v1/conversations/{key}/reopen", "sms:nowhere:+1").then().statusCode(404);
    }

    @Test
    void anAgentGoingOfflineWithAnOpenOfferReturnsItToTheQueueWithItsDueTime() {
        String ana = "agent-" + UUID.randomUUID();
        onlineAgent(ana, "{\"chat\":1}", "[]");
        putPolicy("chat", "PT1H", "web-edge");
        InboundMessage chat = message(Channel.CHAT, "web-edge", "visitor-" + UUID.randomUUID(), null, Instant.now());
        publish(stack.kafkaBootstrapServers(), chat);
        RoutingEvent offered = events.await(chat.conversationKey(), RoutingEventType.OFFERED);

        publishPresence(stack.kafkaBootstrapServers(), ana, "OFFLINE");

        RoutingEvent rerouted = events.await(chat.conversationKey(), RoutingEventType.REROUTED);
        assertThat(rerouted.dueAt()).isEqualTo(offered.dueAt());
        given().get("/api/v1/agents/" + ana + "/offers").then().body("size()", equalTo(0));
        given().get("/api/v1/queue?channel=chat").then().body("size()", equalTo(1),
                "[0].conversationKey", equalTo(chat.conversationKey()), "[0].status", equalTo("waiting"));
        given().post("/api/v1/agents/" + ana + "/offers/" + offered.workItemId() + "/accept").then().statusCode(409);
    }

    @Test
    void noWarningWhileClosedAndTheClockRunsFromTheOpening() {
        // a calendar that opens a few seconds from now (UTC) and stays open for an hour
        ZonedDateTime opening = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS).atZone(ZoneOffset.UTC);
        ZonedDateTime closing = opening.plusHours(1);
        String hours = closing.toLocalDate().equals(opening.toLocalDate())
                ? "\"" + opening.getDayOfWeek() + " " + time(opening) + "-" + time(closing) + "\""
                : "\"" + opening.getDayOfWeek() + " " + time(opening) + "-24:00\",\"" + closing.getDayOfWeek() + " 00:00-"
                        + time(closing) + "\"";
        given().contentType("application/json").body("{\"timeZone\":\"UTC\",\"weeklyHours\":[" + hours + "]}")
                .put("/api/v1/calendars/soon").then().statusCode(200);
        putInboxRouting("opening-line", "{\"calendarId\":\"soon\"}");
        putPolicy("sms", "PT5S", "opening-line");

        InboundMessage beforeOpening = publishSms("opening-line", null);

        RoutingEvent queued = events.await(beforeOpening.conversationKey(), RoutingEventType.QUEUED);
        assertThat(queued.dueAt()).isEqualTo(opening.toInstant().plusSeconds(5));
        assertThat(events.all(beforeOpening.conversationKey(), Duration.between(Instant.now(), opening.toInstant())))
                .noneMatch(e -> e.type() == RoutingEventType.SLA_WARNING);
        RoutingEvent warning = events.await(beforeOpening.conversationKey(), RoutingEventType.SLA_WARNING);
        assertThat(warning.occurredAt()).isAfterOrEqualTo(opening.toInstant().plusSeconds(4));
        RoutingEvent breach = events.await(beforeOpening.conversationKey(), RoutingEventType.SLA_BREACHED);
        assertThat(breach.occurredAt()).isAfterOrEqualTo(warning.dueAt());
    }

    @Test
    void aSkillNobodyHasIsDroppedAtTheWarningSoTheWorkIsServed() {
        // optional skills are dropped after 3 s in tests; the 1 s target warns before that
        putPolicy("sms", "PT1S", "klingon-line");
        String ana = "agent-" + UUID.randomUUID();
        onlineAgent(ana, "{\"sms\":1}", "[\"en\"]");

        InboundMessage klingon = publishSms("klingon-line", "tlh");

        RoutingEvent warning = events.await(klingon.conversationKey(), RoutingEventType.SLA_WARNING);
        RoutingEvent assigned = events.await(klingon.conversationKey(), RoutingEventType.ASSIGNED);
        assertThat(assigned.agentId()).isEqualTo(ana);
        assertThat(assigned.occurredAt()).isAfterOrEqualTo(warning.occurredAt());
    }

    private static String time(ZonedDateTime at) {
        return String.format("%02d:%02d:%02d", at.getHour(), at.getMinute(), at.getSecond());
    }
}
