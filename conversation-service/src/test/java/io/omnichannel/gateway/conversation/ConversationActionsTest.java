package io.omnichannel.gateway.conversation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.omnichannel.gateway.conversation.ConversationApi.awaitConversation;
import static io.omnichannel.gateway.conversation.ConversationApi.awaitConversationOf;
import static io.omnichannel.gateway.conversation.ConversationApi.conversation;
import static io.omnichannel.gateway.conversation.ConversationApi.timeline;
import static io.omnichannel.gateway.conversation.GatewayEvents.chatMessage;
import static io.omnichannel.gateway.conversation.GatewayEvents.keyOf;
import static io.omnichannel.gateway.conversation.GatewayEvents.newHandle;
import static io.omnichannel.gateway.conversation.GatewayEvents.routing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.omnichannel.gateway.contract.RoutingEventType;
import io.omnichannel.gateway.conversation.routing.RoutingService;
import io.omnichannel.gateway.localstack.InjectLocalStack;
import io.omnichannel.gateway.localstack.LocalStack;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = ConversationStack.class, initArgs = @ResourceArg(name = "databases", value = "conversation"))
class ConversationActionsTest {

    private static final String PROBLEM = "application/problem+json";

    @InjectLocalStack
    LocalStack stack;

    @InjectRoutingService
    WireMockServer routing;

    @Inject
    EntityManager entityManager;

    private GatewayEvents events;

    @BeforeEach
    void connect() {
        events = new GatewayEvents(stack.kafkaBootstrapServers());
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    private static String routingPath(String key, String command) {
        return "/api/v1/conversations/" + RoutingService.pathSegment(key) + "/" + command;
    }

    @Test
    void transfersThroughRoutingAndShowsTheNewAgentOnceRoutingAssigns() {
        Desk ana = Desk.newAgent(Desk.newTeam());
        Desk bob = Desk.newAgent(ana.team());
        String id = ana.assignedConversation(events);
        String key = conversation(id).getString("conversationKey");
        routing.stubFor(post(urlEqualTo(routingPath(key, "transfer"))).willReturn(aResponse().withStatus(202)));

        ana.request().contentType(ContentType.JSON).body(Map.of("agentId", bob.agentId()))
                .post("/api/v1/conversations/{id}/transfer", id)
                .then().statusCode(202).body("action", equalTo("transfer"));

        routing.verify(postRequestedFor(urlEqualTo(routingPath(key, "transfer")))
                .withRequestBody(equalToJson("{\"agentId\":\"" + bob.agentId() + "\"}")));
        assertThat(timeline(id).getList("items.event.kind")).contains("transfer-requested");
        events.publish(routing(RoutingEventType.ASSIGNED, key, bob.agentId(), Instant.now().plus(5, ChronoUnit.MINUTES)));
        awaitConversation(id, json -> bob.agentId().equals(json.getString("assigneeAgentId")));
        JsonPath timeline = timeline(id);
        assertThat(timeline.getList("items.event.kind")).contains("assigned", "transfer-requested", "transferred");
    }

    @Test
    void aTransferNamesExactlyOneTarget() {
        Desk ana = Desk.newAgent(Desk.newTeam());
        String id = ana.assignedConversation(events);

        ana.request().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/conversations/{id}/transfer", id)
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("exactly one"));
        ana.request().contentType(ContentType.JSON).body(Map.of("agentId", "x", "teamId", "y"))
                .post("/api/v1/conversations/{id}/transfer", id).then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void transfersToATeamWhoseMembersThenSeeTheConversation() {
        Desk ana = Desk.newAgent(Desk.newTeam());
        Desk billing = Desk.newAgent(Desk.newTeam());
        String id = ana.assignedConversation(events);
        String key = conversation(id).getString("conversationKey");
        routing.stubFor(post(urlEqualTo(routingPath(key, "transfer"))).willReturn(aResponse().withStatus(202)));
        billing.request().get("/api/v1/conversations/{id}", id).then().statusCode(404);

        ana.request().contentType(ContentType.JSON).body(Map.of("teamId", billing.team()))
                .post("/api/v1/conversations/{id}/transfer", id).then().statusCode(202);

        billing.request().get("/api/v1/conversations/{id}", id).then().statusCode(200).body("teamId", equalTo(billing.team()));
    }

    @Test
    void aCommandRoutingHasNoWorkForIsAConflictAndAnUnreachableRoutingIsUnavailable() {
        Desk ana = Desk.newAgent(Desk.newTeam());
        String id = ana.assignedConversation(events);
        String key = conversation(id).getString("conversationKey");
        routing.stubFor(post(urlEqualTo(routingPath(key, "escalate"))).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", PROBLEM).withBody("{\"status\":404,\"detail\":\"no active work item\"}")));
        routing.stubFor(post(urlEqualTo(routingPath(key, "transfer"))).willReturn(aResponse().withStatus(500)));

        ana.request().contentType(ContentType.JSON).body(Map.of("reason", "angry customer"))
                .post("/api/v1/conversations/{id}/escalate", id)
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("no active work item"));
        ana.request().contentType(ContentType.JSON).body(Map.of("agentId", "someone"))
                .post("/api/v1/conversations/{id}/transfer", id)
                .then().statusCode(503).contentType(PROBLEM).header("Retry-After", equalTo("5"));
        assertThat(timeline(id).getList("items.event.kind")).doesNotContain("escalated", "transfer-requested");
    }

    @Test
    void escalatesWithAReasonAndChangesThePriorityThroughRouting() {
        Desk ana = Desk.newAgent(Desk.newTeam());
        String id = ana.assignedConversation(events);
        String key = conversation(id).getString("conversationKey");
        routing.stubFor(post(urlEqualTo(routingPath(key, "escalate"))).willReturn(aResponse().withStatus(202)));
        routing.stubFor(put(urlEqualTo(routingPath(key, "priority"))).willReturn(aResponse().withStatus(200)));

        ana.request().contentType(ContentType.JSON).body(Map.of("reason", "wants a refund above my limit"))
                .post("/api/v1/conversations/{id}/escalate", id).then().statusCode(202);
        ana.request().contentType(ContentType.JSON).body(Map.of("priority", "urgent"))
                .put("/api/v1/conversations/{id}/priority", id).then().statusCode(200).body("priority", equalTo("urgent"));
        ana.request().contentType(ContentType.JSON).body(Map.of("priority", "whenever"))
                .put("/api/v1/conversations/{id}/priority", id).then().statusCode(400).body("field", equalTo("priority"));

        routing.verify(postRequestedFor(urlEqualTo(routingPath(key, "escalate")))
                .withRequestBody(equalToJson("{\"reason\":\"wants a refund above my limit\"}")));
        routing.verify(putRequestedFor(urlEqualTo(routingPath(key, "priority")))
                .withRequestBody(equalToJson("{\"priority\":\"urgent\"}")));
        JsonPath detail = conversation(id);
        assertThat(detail.getString("escalatedAt")).isNotNull();
        JsonPath timeline = timeline(id);
        assertThat(timeline.getList("items.event.kind")).contains("escalated", "priority-changed");
        assertThat(timeline.getList("items.event.text")).contains("wants a refund above my limit");
    }

    @Test
    void resolvesThroughRoutingOnceAndReopens() {
        Desk ana = Desk.newAgent(Desk.newTeam());
        String id = ana.assignedConversation(events);
        String key = conversation(id).getString("conversationKey");
        // routing may already have released the work: its 404 does not stop the resolution
        routing.stubFor(post(urlEqualTo(routingPath(key, "resolve"))).willReturn(aResponse().withStatus(404)));

        ana.request().post("/api/v1/conversations/{id}/resolve", id).then().statusCode(200)
                .body("status", equalTo("resolved"), "resolvedAt", org.hamcrest.Matchers.notNullValue());
        ana.request().post("/api/v1/conversations/{id}/resolve", id).then().statusCode(409).contentType(PROBLEM);
        ana.request().contentType(ContentType.JSON).body(Map.of("until", Instant.now().plus(1, ChronoUnit.HOURS).toString()))
                .post("/api/v1/conversations/{id}/snooze", id).then().statusCode(409).contentType(PROBLEM);

        routing.verify(1, postRequestedFor(urlEqualTo(routingPath(key, "resolve"))));
        ana.request().post("/api/v1/conversations/{id}/reopen", id).then().statusCode(200).body("status", equalTo("open"));
        ana.request().post("/api/v1/conversations/{id}/reopen", id).then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("not resolved"));
        assertThat(timeline(id).getList("items.event.kind")).contains("resolved", "reopened");
    }

    @Test
    void reopeningTakesTheConversationBackInRoutingFirst() {
        Desk ana = Desk.newAgent(Desk.newTeam());
        String id = ana.assignedConversation(events);
        String key = conversation(id).getString("conversationKey");
        routing.stubFor(post(urlEqualTo(routingPath(key, "resolve"))).willReturn(aResponse().withStatus(204)));
        ana.request().post("/api/v1/conversations/{id}/resolve", id).then().statusCode(200);

        // no free slot: routing refuses, and the conversation stays resolved
        routing.stubFor(post(urlEqualTo(routingPath(key, "reopen"))).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":409,\"detail\":\"agent has no free sms slot\"}")));
        ana.request().post("/api/v1/conversations/{id}/reopen", id).then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("no free sms slot"));
        assertThat(conversation(id).getString("status")).isEqualTo("resolved");

        routing.stubFor(post(urlEqualTo(routingPath(key, "reopen"))).willReturn(aResponse().withStatus(200)));
        ana.request().post("/api/v1/conversations/{id}/reopen", id).then().statusCode(200).body("status", equalTo("open"));
        routing.verify(2, postRequestedFor(urlEqualTo(routingPath(key, "reopen")))
                .withRequestBody(equalToJson("{\"agentId\":\"" + ana.agentId() + "\"}")));
    }

    @Test
    void aCustomerWritingSoonAfterTheResolutionReopensTheConversation() {
        Desk ana = Desk.newAgent(Desk.newTeam());
        String handle = newHandle();
        String id = ana.assignedConversation(events, handle);
        routing.stubFor(post(urlEqualTo(routingPath(keyOf(handle), "resolve"))).willReturn(aResponse().withStatus(204)));
        ana.request().post("/api/v1/conversations/{id}/resolve", id).then().statusCode(200);

        events.publish(chatMessage(handle, "actually, one more question"));

        JsonPath reopened = awaitConversation(id, json -> "open".equals(json.getString("status")));
        assertThat(reopened.getList("messages.text")).contains("actually, one more question");
        assertThat(awaitConversationOf(keyOf(handle))).isEqualTo(id);
        assertThat(timeline(id).getList("items.event.actor")).contains("customer");
    }

    @Test
    void aCustomerWritingAfterTheReopenWindowStartsANewConversationAndTheOldOneCannotBeReopened() {
        Desk ana = Desk.newAgent(Desk.newTeam());
        String handle = newHandle();
        String id = ana.assignedConversation(events, handle);
        routing.stubFor(post(urlEqualTo(routingPath(keyOf(handle), "resolve"))).willReturn(aResponse().withStatus(204)));
        ana.request().post("/api/v1/conversations/{id}/resolve", id).then().statusCode(200);
        // resolved longer ago than the reopen window (24 h)
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE conversation SET resolved_at = resolved_at - interval '25 hours' WHERE id = :id")
                .setParameter("id", UUID.fromString(id)).executeUpdate());

        events.publish(chatMessage(handle, "hello, it's me again, a month later"));

        List<String> ofKey = await().atMost(ConversationApi.CONSUMED_WITHIN).until(() -> Tokens.asSupervisor()
                .queryParam("key", keyOf(handle)).queryParam("sort", "created").get("/api/v1/conversations")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class), ids -> ids.size() == 2);
        String newer = ofKey.get(0);
        assertThat(newer).isNotEqualTo(id);
        assertThat(conversation(newer).getString("status")).isEqualTo("open");
        assertThat(conversation(newer).getList("messages.text")).containsExactly("hello, it's me again, a month later");
        assertThat(conversation(id).getString("status")).isEqualTo("resolved");
        assertThat(conversation(id).getList("messages.text")).doesNotContain("hello, it's me again, a month later");

        Tokens.asSupervisor().post("/api/v1/conversations/{id}/reopen", id).then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString(newer));
        assertThat(conversation(id).getString("status")).isEqualTo("resolved");
        assertThat(timeline(id).getList("items.event.kind")).doesNotContain("reopened");
    }

    @Test
    void snoozesUntilATimeThenOpensAgain() {
        Desk ana = Desk.newAgent(Desk.newTeam());
        String id = ana.assignedConversation(events);

        ana.request().contentType(ContentType.JSON).body(Map.of("until", Instant.now().minusSeconds(60).toString()))
                .post("/api/v1/conversations/{id}/snooze", id).then().statusCode(400).body("field", equalTo("until"));
        ana.request().contentType(ContentType.JSON).body(Map.of("until", Instant.now().plusSeconds(3).toString()))
                .post("/api/v1/conversations/{id}/snooze", id).then().statusCode(200).body("status", equalTo("snoozed"));

        JsonPath woken = awaitConversation(id, json -> "open".equals(json.getString("status")));
        assertThat(woken.getString("snoozedUntil")).isNull();
        assertThat(timeline(id).getList("items.event.kind")).contains("snoozed", "woke-up");
    }

    @Test
    void notesAndTagsAreOnTheTimelineAndNeverSent() {
        Desk ana = Desk.newAgent(Desk.newTeam());
        String id = ana.assignedConversation(events);

        ana.request().contentType(ContentType.JSON).body(Map.of("text", "VIP — handle with care"))
                .post("/api/v1/conversations/{id}/notes", id).then().statusCode(201)
                .body("kind", equalTo("note"), "actor", equalTo(ana.agentId()));
        ana.request().contentType(ContentType.JSON).body(Map.of("text", ""))
                .post("/api/v1/conversations/{id}/notes", id).then().statusCode(400).body("field", equalTo("text"));
        ana.request().contentType(ContentType.JSON).body(Map.of("tags", List.of("refund", "vip", "refund")))
                .put("/api/v1/conversations/{id}/tags", id).then().statusCode(200);

        assertThat(conversation(id).getList("tags")).containsExactly("refund", "vip");
        JsonPath timeline = timeline(id);
        assertThat(timeline.getList("items.type")).containsExactly("message", "event", "event", "event");
        assertThat(timeline.getList("items.event.text")).contains("VIP — handle with care");
        assertThat(conversation(id).getList("messages")).hasSize(1);
    }

    @Test
    void pagesThroughTheTimeline() {
        Desk ana = Desk.newAgent(Desk.newTeam());
        String id = ana.assignedConversation(events);
        for (int i = 0; i < 4; i++) {
            ana.request().contentType(ContentType.JSON).body(Map.of("text", "note " + i))
                    .post("/api/v1/conversations/{id}/notes", id).then().statusCode(201);
        }

        JsonPath first = ana.request().queryParam("limit", 3).get("/api/v1/conversations/{id}/timeline", id)
                .then().statusCode(200).extract().jsonPath();
        JsonPath second = ana.request().queryParam("limit", 3).queryParam("cursor", first.getString("nextCursor"))
                .get("/api/v1/conversations/{id}/timeline", id).then().statusCode(200).extract().jsonPath();

        assertThat(first.getList("items")).hasSize(3);
        assertThat(second.getList("items")).hasSize(3);
        assertThat(second.getString("nextCursor")).isNull();
        assertThat(second.getList("items.event.text")).containsExactly("note 1", "note 2", "note 3");
    }
}
