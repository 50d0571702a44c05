package io.omnichannel.gateway.routing;

import static io.omnichannel.gateway.routing.RoutingTestSupport.message;
import static io.omnichannel.gateway.routing.RoutingTestSupport.publish;
import static io.omnichannel.gateway.routing.RoutingTestSupport.putInboxRouting;
import static io.omnichannel.gateway.routing.RoutingTestSupport.putPolicy;
import static io.omnichannel.gateway.routing.RoutingTestSupport.putTeam;
import static io.omnichannel.gateway.routing.RoutingTestSupport.setPresence;
import static io.omnichannel.gateway.routing.RoutingTestSupport.slaCount;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.contract.RoutingEvent;
import io.omnichannel.gateway.contract.RoutingEventType;
import io.omnichannel.gateway.localstack.InjectLocalStack;
import io.omnichannel.gateway.localstack.LocalStack;
import io.omnichannel.gateway.localstack.LocalStackResource;
import io.omnichannel.gateway.routing.domain.Priority;
import io.omnichannel.gateway.routing.domain.WorkItem;
import io.quarkus.narayana.jta.QuarkusTransaction;
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

/** Escalation at the SLA warning: priority raised (due time closer), overflow team allowed, counted on /q/metrics. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "databases", value = "routing"))
class EscalationTest {

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
    void theWarningRaisesThePriorityAndBringsTheDueTimeCloser() {
        putPolicy("email", "PT10S", "escalation@x.test");
        InboundMessage email = message(Channel.EMAIL, "escalation@x.test", "c-" + UUID.randomUUID() + "@x.test", null, Instant.now());
        publish(stack.kafkaBootstrapServers(), email);
        RoutingEvent queued = events.await(email.conversationKey(), RoutingEventType.QUEUED);
        assertThat(queued.dueAt()).isEqualTo(email.receivedAt().plusSeconds(10));

        RoutingEvent warning = events.await(email.conversationKey(), RoutingEventType.SLA_WARNING);

        // normal to high halves the time that was left: about 1 s of the 2 s after the warning at 8 s
        Duration leftAtWarning = Duration.between(warning.occurredAt(), queued.dueAt());
        assertThat(warning.dueAt()).isBefore(queued.dueAt()).isAfter(warning.occurredAt());
        assertThat(Duration.between(warning.occurredAt(), warning.dueAt()).toMillis())
                .isCloseTo(leftAtWarning.toMillis() / 2, org.assertj.core.data.Offset.offset(5L));
        WorkItem item = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("from WorkItem where conversationKey = :key", WorkItem.class)
                .setParameter("key", email.conversationKey()).getSingleResult());
        assertThat(item.priority).isEqualTo(Priority.HIGH);
        assertThat(item.dueAt).isCloseTo(warning.dueAt(), within(1, ChronoUnit.MILLIS));
        RoutingEvent breach = events.await(email.conversationKey(), RoutingEventType.SLA_BREACHED);
        assertThat(breach.occurredAt()).isAfterOrEqualTo(warning.dueAt());
    }

    @Test
    void theOverflowTeamTakesTheWorkOnceTheWarningFired() {
        putTeam("overflow", null);
        putTeam("first-line", "overflow");
        putInboxRouting("team-line", "{\"teamId\":\"first-line\"}");
        putPolicy("sms", "PT4S", "team-line");
        String helper = "agent-" + UUID.randomUUID();
        given().contentType("application/json")
                .body("{\"name\":\"Helper\",\"channels\":{\"sms\":1},\"teams\":[\"overflow\"]}")
                .put("/api/v1/agents/" + helper).then().statusCode(201);
        setPresence(helper, "ONLINE");
        double warningsBefore = slaCount("sms", "warning");
        double breachesBefore = slaCount("sms", "breached");

        InboundMessage sms = message(Channel.SMS, "team-line", "+1415" + UUID.randomUUID(), null, Instant.now());
        publish(stack.kafkaBootstrapServers(), sms);

        RoutingEvent queued = events.await(sms.conversationKey(), RoutingEventType.QUEUED);
        RoutingEvent warning = events.await(sms.conversationKey(), RoutingEventType.SLA_WARNING);
        RoutingEvent assigned = events.await(sms.conversationKey(), RoutingEventType.ASSIGNED);
        assertThat(assigned.agentId()).isEqualTo(helper);
        assertThat(assigned.occurredAt()).isAfterOrEqualTo(warning.occurredAt());
        assertThat(warning.occurredAt()).isAfterOrEqualTo(queued.dueAt().minusMillis(800));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(slaCount("sms", "warning")).isEqualTo(warningsBefore + 1));
        // assigned but not answered: the clock still runs until an agent replies
        events.await(sms.conversationKey(), RoutingEventType.SLA_BREACHED);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(slaCount("sms", "breached")).isEqualTo(breachesBefore + 1));
    }
}
