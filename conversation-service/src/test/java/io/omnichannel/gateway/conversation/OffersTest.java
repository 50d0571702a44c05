package io.omnichannel.gateway.conversation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.omnichannel.gateway.conversation.ConversationApi.CONSUMED_WITHIN;
import static io.omnichannel.gateway.conversation.ConversationApi.awaitConversation;
import static io.omnichannel.gateway.conversation.ConversationApi.awaitConversationOf;
import static io.omnichannel.gateway.conversation.ConversationApi.timeline;
import static io.omnichannel.gateway.conversation.GatewayEvents.INBOX;
import static io.omnichannel.gateway.conversation.GatewayEvents.chatMessage;
import static io.omnichannel.gateway.conversation.GatewayEvents.keyOf;
import static io.omnichannel.gateway.conversation.GatewayEvents.newHandle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.RoutingEvent;
import io.omnichannel.gateway.contract.RoutingEventType;
import io.omnichannel.gateway.localstack.InjectLocalStack;
import io.omnichannel.gateway.localstack.LocalStack;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Chat and phone conversations are offered before they are assigned: the offer reaches the agent's desktop
 * as a live event and the agent accepts or rejects it here, which goes to the routing service's offer API.
 */
@QuarkusTest
@WithTestResource(value = ConversationStack.class, initArgs = @ResourceArg(name = "databases", value = "conversation"))
class OffersTest {

    private static final String PROBLEM = "application/problem+json";

    @InjectLocalStack
    LocalStack stack;

    @InjectRoutingService
    WireMockServer routing;

    private GatewayEvents events;

    @BeforeEach
    void connect() {
        events = new GatewayEvents(stack.kafkaBootstrapServers());
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    /** A conversation routing has offered to {@code agent} as work item {@code workItem}. */
    private record Offer(String conversationId, String key, String workItem) {
    }

    private Offer offeredTo(Desk agent) {
        String handle = newHandle();
        String workItem = "work-" + UUID.randomUUID();
        events.publish(chatMessage(handle, "Can someone help me with my order?"));
        events.publish(event(RoutingEventType.OFFERED, handle, workItem, agent.agentId()));
        String id = awaitConversationOf(keyOf(handle));
        awaitConversation(id, json -> agent.agentId().equals(json.getString("offeredAgentId")));
        return new Offer(id, keyOf(handle), workItem);
    }

    private static RoutingEvent event(RoutingEventType type, String handle, String workItem, String agentId) {
        return new RoutingEvent(type, keyOf(handle), workItem, null, Channel.CHAT, INBOX, agentId,
                Instant.now().plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS), Instant.now());
    }

    private static String offerPath(Desk agent, Offer offer, String decision) {
        return "/api/v1/agents/" + agent.agentId() + "/offers/" + offer.workItem() + "/" + decision;
    }

    @Test
    void anOfferReachesTheDesktopAndAcceptingItAsksRoutingToAssignIt() {
        Desk ana = Desk.newAgent(Desk.newTeam());
        try (LiveStream stream = LiveStream.open(ana.token())) {
            await().atMost(CONSUMED_WITHIN).until(stream::connected);
            Offer offer = offeredTo(ana);

            await().atMost(CONSUMED_WITHIN).until(() -> !stream.frames("offer").isEmpty());
            JsonPath live = new JsonPath(stream.frames("offer").get(0).data());
            assertThat(live.getString("type")).isEqualTo("offer");
            assertThat(live.getString("conversationId")).isEqualTo(offer.conversationId());
            assertThat(live.getString("dueAt")).isNotNull();
            // the conversation belongs to no team of hers: the offer alone lets her open it
            ana.request().get("/api/v1/conversations/{id}", offer.conversationId()).then().statusCode(200)
                    .body("offeredAgentId", equalTo(ana.agentId()), "messages[0].text",
                            equalTo("Can someone help me with my order?"));
            routing.stubFor(post(urlEqualTo(offerPath(ana, offer, "accept"))).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody("{\"id\":\"" + offer.workItem() + "\"}")));

            ana.request().post("/api/v1/conversations/{id}/offer/accept", offer.conversationId())
                    .then().statusCode(202).body("action", equalTo("accept-offer"));

            routing.verify(1, postRequestedFor(urlEqualTo(offerPath(ana, offer, "accept"))));
            String handle = offer.key().substring(offer.key().lastIndexOf(':') + 1);
            events.publish(event(RoutingEventType.ASSIGNED, handle, offer.workItem(), ana.agentId()));
            awaitConversation(offer.conversationId(), json -> ana.agentId().equals(json.getString("assigneeAgentId"))
                    && json.getString("offeredAgentId") == null);
            await().atMost(CONSUMED_WITHIN).until(() -> !stream.frames("assignment").isEmpty());
            assertThat(stream.frames("offer-withdrawn")).isEmpty();
            assertThat(timeline(offer.conversationId()).getList("items.event.kind")).containsSubsequence("offered", "assigned");
        }
    }

    @Test
    void rejectingAnOfferHandsItBackToRoutingAndTakesItOffTheDesk() {
        Desk ana = Desk.newAgent(Desk.newTeam());
        Offer offer = offeredTo(ana);
        routing.stubFor(post(urlEqualTo(offerPath(ana, offer, "reject"))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"" + offer.workItem() + "\"}")));

        ana.request().post("/api/v1/conversations/{id}/offer/reject", offer.conversationId())
                .then().statusCode(202).body("action", equalTo("reject-offer"));

        routing.verify(1, postRequestedFor(urlEqualTo(offerPath(ana, offer, "reject"))));
        ana.request().get("/api/v1/conversations/{id}", offer.conversationId()).then().statusCode(404);
        JsonPath timeline = timeline(offer.conversationId());
        assertThat(timeline.getList("items.event.kind")).containsSubsequence("offered", "offer-rejected");
        assertThat(timeline.getList("items.event.actor")).contains(ana.agentId());
    }

    @Test
    void anOfferThatExpiredInRoutingIsAConflictAndUnreachableRoutingIsUnavailable() {
        Desk ana = Desk.newAgent(Desk.newTeam());
        Offer offer = offeredTo(ana);
        routing.stubFor(post(urlEqualTo(offerPath(ana, offer, "accept"))).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", PROBLEM)
                .withBody("{\"status\":409,\"detail\":\"work item is not offered to this agent\"}")));
        routing.stubFor(post(urlEqualTo(offerPath(ana, offer, "reject")))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        ana.request().post("/api/v1/conversations/{id}/offer/accept", offer.conversationId())
                .then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("no longer open"), "detail", containsString("not offered to this agent"));
        ana.request().post("/api/v1/conversations/{id}/offer/reject", offer.conversationId())
                .then().statusCode(503).contentType(PROBLEM).header("Retry-After", equalTo("5"));

        // nothing changed here: the offer still stands until routing says otherwise
        ana.request().get("/api/v1/conversations/{id}", offer.conversationId()).then().statusCode(200)
                .body("offeredAgentId", equalTo(ana.agentId()));
        assertThat(timeline(offer.conversationId()).getList("items.event.kind")).doesNotContain("offer-rejected");
    }

    @Test
    void onlyTheAgentItIsOfferedToMayAcceptIt() {
        Desk ana = Desk.newAgent(Desk.newTeam());
        Desk bob = Desk.newAgent(Desk.newTeam());
        Offer offer = offeredTo(ana);

        bob.request().post("/api/v1/conversations/{id}/offer/accept", offer.conversationId())
                .then().statusCode(404).contentType(PROBLEM);
        Tokens.asSupervisor().post("/api/v1/conversations/{id}/offer/accept", offer.conversationId())
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("not offered to supervisor-1"));
        routing.verify(0, postRequestedFor(urlEqualTo(offerPath(ana, offer, "accept"))));
        routing.verify(0, postRequestedFor(urlEqualTo("/api/v1/agents/supervisor-1/offers/" + offer.workItem() + "/accept")));
    }

    @Test
    void anOfferThatExpiresIsWithdrawnFromTheDesktop() {
        Desk ana = Desk.newAgent(Desk.newTeam());
        try (LiveStream stream = LiveStream.open(ana.token())) {
            await().atMost(CONSUMED_WITHIN).until(stream::connected);
            Offer offer = offeredTo(ana);
            String handle = offer.key().substring(offer.key().lastIndexOf(':') + 1);

            // routing's offer timed out: the work is back in the queue
            events.publish(event(RoutingEventType.REROUTED, handle, offer.workItem(), null));

            await().atMost(CONSUMED_WITHIN).until(() -> !stream.frames("offer-withdrawn").isEmpty());
            JsonPath withdrawn = new JsonPath(stream.frames("offer-withdrawn").get(0).data());
            assertThat(withdrawn.getString("conversationId")).isEqualTo(offer.conversationId());
            assertThat(withdrawn.getString("reason")).isEqualTo("back in the queue");
            ana.request().get("/api/v1/conversations/{id}", offer.conversationId()).then().statusCode(404);
            ana.request().post("/api/v1/conversations/{id}/offer/accept", offer.conversationId()).then().statusCode(404);
        }
    }
}
