package io.omnichannel.gateway.conversation;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static io.omnichannel.gateway.conversation.ConversationApi.conversation;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.omnichannel.gateway.conversation.routing.RoutingService;
import io.omnichannel.gateway.localstack.InjectLocalStack;
import io.omnichannel.gateway.localstack.LocalStack;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may do what: every call needs a valid token; agents see and act on their own and their team's
 * conversations only, and another team's conversation does not exist for them (404, so ids cannot be
 * probed); supervisors see all.
 */
@QuarkusTest
@WithTestResource(value = ConversationStack.class, initArgs = @ResourceArg(name = "databases", value = "conversation"))
class AuthorizationTest {

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

    /** Each call an agent may make on conversation {@code id}, answering its status. */
    private static Map<String, Function<RequestSpecification, Integer>> callsOn(String id) {
        return Map.ofEntries(
            Map.entry("transfer", r -> r.contentType(ContentType.JSON).body(Map.of("agentId", "someone"))
                    .post("/api/v1/conversations/{id}/transfer", id).statusCode()),
            Map.entry("resolve", r -> r.post("/api/v1/conversations/{id}/resolve", id).statusCode()),
            Map.entry("priority", r -> r.contentType(ContentType.JSON).body(Map.of("priority", "urgent"))
                    .put("/api/v1/conversations/{id}/priority", id).statusCode()),
            Map.entry("accept offer", r -> r.post("/api/v1/conversations/{id}/offer/accept", id).statusCode()),
            Map.entry("reject offer", r -> r.post("/api/v1/conversations/{id}/offer/reject", id).statusCode()),
            Map.entry("customer history", r -> r.get("/api/v1/customers/{id}/conversations",
                    conversation(id).getString("customer.id")).statusCode()),
            Map.entry("customer note", r -> r.contentType(ContentType.JSON).body(Map.of("text", "note"))
                    .post("/api/v1/customers/{id}/notes", conversation(id).getString("customer.id")).statusCode()),
            Map.entry("link identity", r -> r.contentType(ContentType.JSON)
                    .body(Map.of("kind", "email", "value", "eve@example.com"))
                    .post("/api/v1/customers/{id}/identities", conversation(id).getString("customer.id")).statusCode()),
            Map.entry("read", r -> r.get("/api/v1/conversations/{id}", id).statusCode()),
            Map.entry("timeline", r -> r.get("/api/v1/conversations/{id}/timeline", id).statusCode()),
            Map.entry("reply", r -> r.contentType(ContentType.JSON).body(Map.of("text", "hi"))
                    .post("/api/v1/conversations/{id}/messages", id).statusCode()),
            Map.entry("note", r -> r.contentType(ContentType.JSON).body(Map.of("text", "note"))
                    .post("/api/v1/conversations/{id}/notes", id).statusCode()),
            Map.entry("snooze", r -> r.contentType(ContentType.JSON).body(Map.of("until", Instant.now().plusSeconds(3600).toString()))
                    .post("/api/v1/conversations/{id}/snooze", id).statusCode()),
            Map.entry("tags", r -> r.contentType(ContentType.JSON).body(Map.of("tags", List.of("x")))
                    .put("/api/v1/conversations/{id}/tags", id).statusCode()),
            Map.entry("reopen", r -> r.post("/api/v1/conversations/{id}/reopen", id).statusCode()),
            Map.entry("escalate", r -> r.contentType(ContentType.JSON).body(Map.of("reason", "why"))
                    .post("/api/v1/conversations/{id}/escalate", id).statusCode()));
    }

    @Test
    void anAgentOfAnotherTeamCannotReadOrActOnAConversationItIsNotFoundForThem() {
        Desk ana = Desk.newAgent(Desk.newTeam());
        Desk eve = Desk.newAgent(Desk.newTeam());
        String id = ana.assignedConversation(events);
        callsOn(id).forEach((name, call) -> assertThat(call.apply(eve.request())).as(name).isEqualTo(404));
        // refused before anything reached the routing service
        routing.verify(0, anyRequestedFor(urlMatching(".*" + RoutingService.pathSegment(conversation(id)
                .getString("conversationKey")) + ".*")));
        routing.verify(0, anyRequestedFor(urlMatching("/api/v1/agents/" + eve.agentId() + "/.*")));
        eve.request().get("/api/v1/conversations/{id}", id).then().statusCode(404).contentType(PROBLEM)
                .body("status", equalTo(404));
        eve.request().get("/api/v1/customers/{id}", conversation(id).getString("customer.id")).then().statusCode(404);
        assertThat(conversation(id).getList("messages")).hasSize(1);
        assertThat(ConversationApi.timeline(id).getList("items.type")).containsExactly("message", "event");
    }

    @Test
    void aTeammateAndASupervisorMayReadAndAct() {
        Desk ana = Desk.newAgent(Desk.newTeam());
        Desk bob = Desk.newAgent(ana.team());
        String id = ana.assignedConversation(events);

        bob.request().get("/api/v1/conversations/{id}", id).then().statusCode(200).body("teamId", equalTo(ana.team()));
        bob.request().contentType(ContentType.JSON).body(Map.of("text", "covering for Ana"))
                .post("/api/v1/conversations/{id}/notes", id).then().statusCode(201);
        Tokens.asSupervisor().contentType(ContentType.JSON).body(Map.of("text", "supervisor here"))
                .post("/api/v1/conversations/{id}/messages", id).then().statusCode(202);
        String admin = Jwt.upn("admin-1").groups(Set.of("admin")).sign();
        Tokens.as(admin).get("/api/v1/conversations/{id}", id).then().statusCode(200);
    }

    @Test
    void listsShowAnAgentOnlyTheirOwnAndTheirTeamsConversations() {
        Desk ana = Desk.newAgent(Desk.newTeam());
        Desk eve = Desk.newAgent(Desk.newTeam());
        String anas = ana.assignedConversation(events);
        String eves = eve.assignedConversation(events);

        List<String> seenByAna = ana.request().queryParam("limit", 200).get("/api/v1/conversations")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        List<String> seenByEveFilteringOnAna = eve.request().queryParam("assignee", ana.agentId())
                .get("/api/v1/conversations").then().statusCode(200).extract().jsonPath().getList("items.id");
        List<String> supervisorsView = Tokens.asSupervisor().queryParam("assignee", ana.agentId())
                .get("/api/v1/conversations").then().statusCode(200).extract().jsonPath().getList("items.id");

        assertThat(seenByAna).contains(anas).doesNotContain(eves);
        assertThat(seenByEveFilteringOnAna).isEmpty();
        assertThat(supervisorsView).containsExactly(anas);
        ana.request().queryParam("assignee", "me").get("/api/v1/conversations").then().statusCode(200)
                .body("items.id", equalTo(List.of(anas)));
    }

    @Test
    void everyApiCallNeedsAValidToken() throws Exception {
        given().get("/api/v1/conversations").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", equalTo("Bearer")).body("status", equalTo(401));
        given().auth().oauth2("not-a-jwt").get("/api/v1/conversations").then().statusCode(401).contentType(PROBLEM);
        String otherKey = Jwt.upn("mallory").groups(Set.of("supervisor")).jws()
                .sign(newKey());
        given().auth().oauth2(otherKey).get("/api/v1/conversations").then().statusCode(401).contentType(PROBLEM);
        String expired = Jwt.upn("ana").groups(Set.of("agent")).expiresAt(Instant.now().minusSeconds(600)).sign();
        given().auth().oauth2(expired).get("/api/v1/conversations").then().statusCode(401).contentType(PROBLEM);
        String noRole = Jwt.upn("guest").groups(Set.of("customer")).sign();
        given().auth().oauth2(noRole).get("/api/v1/conversations").then().statusCode(403).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(Map.of("presence", "ONLINE")).put("/api/v1/me/presence")
                .then().statusCode(401).contentType(PROBLEM);
        given().get("/q/health/live").then().statusCode(200);
    }

    private static java.security.PrivateKey newKey() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
