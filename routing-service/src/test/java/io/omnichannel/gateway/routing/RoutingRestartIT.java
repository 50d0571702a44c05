package io.omnichannel.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.contract.RoutingEvent;
import io.omnichannel.gateway.contract.RoutingEventType;
import io.omnichannel.gateway.localstack.LineSink;
import io.omnichannel.gateway.localstack.LocalStack;
import io.omnichannel.gateway.localstack.Ports;
import io.omnichannel.gateway.localstack.QuarkusService;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An instance with waiting work, an offer in flight and running SLA clocks is killed (SIGKILL) and a
 * new one started on the same database and broker. Nothing is lost: the waiting items keep their due
 * times, the offer expires at its original time, and warnings and breaches fire at theirs, never
 * early, and promptly once an instance runs.
 */
class RoutingRestartIT {

    private static final String INBOX = "web-restart";
    private static final Duration OFFER_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration CHAT_TARGET = Duration.ofSeconds(150);
    /** How late a timed event may come once an instance is running: the 1 s dispatch interval plus a loaded machine. */
    private static final Duration PROMPTLY = Duration.ofSeconds(10);
    /** Waiting for an event due after the restart: up to the chat target. */
    private static final Duration LATER = CHAT_TARGET.plusSeconds(30);

    private final List<AutoCloseable> running = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    @Test
    void aRestartedInstanceResumesQueueOffersAndClocksFromTheDatabase() throws Exception {
        LocalStack stack = LocalStack.start(LocalStack.Options.forTests(List.of("routing")));
        running.add(stack);
        LineSink logs = LineSink.files(stack.options().workDir().resolve("logs"));
        RoutingEventLog events = new RoutingEventLog(stack.kafkaBootstrapServers());
        running.add(events);
        QuarkusService first = start("routing-first", stack, logs);
        first.awaitReady(Duration.ofMinutes(2));

        given().baseUri(first.url()).contentType("application/json")
                .body("{\"target\":\"" + CHAT_TARGET + "\",\"inbox\":\"" + INBOX + "\"}")
                .put("/api/v1/policies/chat").then().statusCode(200);
        String ana = "agent-" + UUID.randomUUID();
        given().baseUri(first.url()).contentType("application/json").body("{\"name\":\"Ana\",\"channels\":{\"chat\":1}}")
                .put("/api/v1/agents/" + ana).then().statusCode(201);
        given().baseUri(first.url()).contentType("application/json").body("{\"presence\":\"ONLINE\"}")
                .put("/api/v1/agents/" + ana + "/presence").then().statusCode(200);
        InboundMessage offered = chat(stack);
        RoutingEvent offer = events.await(offered.conversationKey(), RoutingEventType.OFFERED);
        assertThat(offer.agentId()).isEqualTo(ana);
        InboundMessage second = chat(stack);
        InboundMessage third = chat(stack);
        events.await(second.conversationKey(), RoutingEventType.QUEUED);
        events.await(third.conversationKey(), RoutingEventType.QUEUED);

        List<Map<String, Object>> queueBefore = queue(first);
        assertThat(queueBefore).extracting(item -> item.get("conversationKey"))
                .containsExactly(second.conversationKey(), third.conversationKey());
        JsonPath offersBefore = given().baseUri(first.url()).get("/api/v1/agents/" + ana + "/offers").then().extract().jsonPath();
        Instant offerExpires = Instant.parse(offersBefore.getString("[0].offerExpiresAt"));
        assertThat(Duration.between(offer.occurredAt(), offerExpires).toMillis())
                .isBetween(OFFER_TIMEOUT.toMillis() - 1, OFFER_TIMEOUT.toMillis() + 1);

        first.kill();
        QuarkusService restarted = start("routing-restarted", stack, logs);
        restarted.awaitReady(Duration.ofMinutes(2));
        Instant resumedAt = Instant.now();

        List<Map<String, Object>> queueAfter = queue(restarted);
        assertThat(queueAfter).extracting(item -> item.get("conversationKey"), item -> item.get("dueAt"), item -> item.get("warnAt"))
                .containsExactlyElementsOf(queueBefore.stream()
                        .map(item -> org.assertj.core.groups.Tuple.tuple(item.get("conversationKey"), item.get("dueAt"), item.get("warnAt")))
                        .toList());
        if (resumedAt.isBefore(offerExpires)) {
            given().baseUri(restarted.url()).get("/api/v1/agents/" + ana + "/offers").then()
                    .body("workItemId", org.hamcrest.Matchers.contains(offer.workItemId()))
                    .body("[0].offerExpiresAt", org.hamcrest.Matchers.equalTo(offersBefore.getString("[0].offerExpiresAt")));
        }

        RoutingEvent expired = events.await(offered.conversationKey(), RoutingEventType.REROUTED, LATER);
        assertOnTime(expired.occurredAt(), offerExpires, resumedAt);
        for (Map<String, Object> item : queueBefore) {
            String key = (String) item.get("conversationKey");
            RoutingEvent warning = events.await(key, RoutingEventType.SLA_WARNING, LATER);
            assertOnTime(warning.occurredAt(), Instant.parse((String) item.get("warnAt")), resumedAt);
            RoutingEvent breach = events.await(key, RoutingEventType.SLA_BREACHED, LATER);
            assertOnTime(breach.occurredAt(), warning.dueAt(), resumedAt);
        }
        RoutingEvent offeredWarning = events.await(offered.conversationKey(), RoutingEventType.SLA_WARNING, LATER);
        assertThat(offeredWarning.occurredAt()).isAfterOrEqualTo(offered.receivedAt().plus(CHAT_TARGET.multipliedBy(8).dividedBy(10)));
    }

    /** Not before it was due, and promptly after it was due or the new instance was running, whichever came last. */
    private static void assertOnTime(Instant happened, Instant due, Instant resumedAt) {
        Instant expectedBy = (due.isAfter(resumedAt) ? due : resumedAt).plus(PROMPTLY);
        assertThat(happened).isAfterOrEqualTo(due).isBefore(expectedBy);
    }

    private static InboundMessage chat(LocalStack stack) {
        InboundMessage message = RoutingTestSupport.message(Channel.CHAT, INBOX, "visitor-" + UUID.randomUUID(), null, Instant.now());
        RoutingTestSupport.publish(stack.kafkaBootstrapServers(), message);
        return message;
    }

    private static List<Map<String, Object>> queue(QuarkusService service) {
        return given().baseUri(service.url()).get("/api/v1/queue?channel=chat").then().statusCode(200).extract().jsonPath()
                .getList("$");
    }

    private QuarkusService start(String name, LocalStack stack, LineSink logs) {
        QuarkusService service = QuarkusService.start(name, Path.of("").toAbsolutePath(), Ports.free(), Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers(),
                        "DB_URL", stack.jdbcUrl("routing"),
                        "DB_USER", LocalStack.DB_USER,
                        "DB_PASSWORD", LocalStack.DB_PASSWORD,
                        "ROUTING_OFFERS_TIMEOUT", OFFER_TIMEOUT.toString()),
                List.of("-Xmx384m", "-XX:+UseSerialGC"), logs);
        running.add(service);
        return service;
    }
}
