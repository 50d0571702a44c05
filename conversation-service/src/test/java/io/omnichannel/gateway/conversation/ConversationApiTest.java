package io.omnichannel.gateway.conversation;

import static io.omnichannel.gateway.conversation.ConversationApi.CONSUMED_WITHIN;
import static io.omnichannel.gateway.conversation.GatewayEvents.assigned;
import static io.omnichannel.gateway.conversation.GatewayEvents.keyOf;
import static io.omnichannel.gateway.conversation.GatewayEvents.chatMessage;
import static io.omnichannel.gateway.conversation.GatewayEvents.newHandle;
import static io.omnichannel.gateway.conversation.Tokens.asSupervisor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import io.omnichannel.gateway.localstack.InjectLocalStack;
import io.omnichannel.gateway.localstack.LocalStack;
import io.omnichannel.gateway.localstack.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = ConversationStack.class, initArgs = @ResourceArg(name = "databases", value = "conversation"))
class ConversationApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @InjectLocalStack
    LocalStack stack;

    @Test
    void answers404ProblemForAnUnknownOrMalformedId() {
        String unknown = UUID.randomUUID().toString();
        asSupervisor().get("/api/v1/conversations/{id}", unknown).then().statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(404), "detail", containsString(unknown),
                        "instance", equalTo("/api/v1/conversations/" + unknown));
        asSupervisor().get("/api/v1/conversations/not-a-uuid").then().statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("detail", containsString("not-a-uuid"));
    }

    @Test
    void answers400NamingTheParameterWithABadValue() {
        asSupervisor().queryParam("status", "open,closed").get("/api/v1/conversations").then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("field", equalTo("status"), "detail", containsString("open, pending, snoozed, resolved"));
        asSupervisor().queryParam("sort", "random").get("/api/v1/conversations").then().statusCode(400)
                .contentType(PROBLEM_JSON).body("field", equalTo("sort"));
        asSupervisor().queryParam("limit", "500").get("/api/v1/conversations").then().statusCode(400)
                .contentType(PROBLEM_JSON).body("field", equalTo("limit"));
        asSupervisor().queryParam("limit", "many").get("/api/v1/conversations").then().statusCode(400)
                .contentType(PROBLEM_JSON).body("field", equalTo("limit"));
        asSupervisor().queryParam("cursor", "garbage!").get("/api/v1/conversations").then().statusCode(400)
                .contentType(PROBLEM_JSON).body("field", equalTo("cursor"));
    }

    @Test
    void pagesThroughAnAgentsConversationsWithTheCursor() {
        String agent = "agent-" + UUID.randomUUID();
        Instant due = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        try (GatewayEvents events = new GatewayEvents(stack.kafkaBootstrapServers())) {
            for (int i = 0; i < 3; i++) {
                String handle = newHandle();
                events.publish(chatMessage(handle, "message " + i));
                events.publish(assigned(handle, agent, due));
            }
        }
        await().atMost(CONSUMED_WITHIN).untilAsserted(() -> asSupervisor().queryParam("assignee", agent)
                .get("/api/v1/conversations").then().statusCode(200).body("items", hasSize(3)));

        JsonPath first = page(agent, null);
        assertThat(first.getList("items")).hasSize(2);
        assertThat(first.getString("nextCursor")).isNotBlank();
        JsonPath second = page(agent, first.getString("nextCursor"));
        assertThat(second.getList("items")).hasSize(1);
        assertThat(second.getString("nextCursor")).isNull();

        List<String> updated = new ArrayList<>(first.getList("items.updatedAt", String.class));
        updated.addAll(second.getList("items.updatedAt", String.class));
        assertThat(updated.stream().map(Instant::parse).toList()).isSortedAccordingTo((a, b) -> b.compareTo(a));
        List<String> ids = new ArrayList<>(first.getList("items.id", String.class));
        ids.addAll(second.getList("items.id", String.class));
        assertThat(ids).doesNotHaveDuplicates().hasSize(3);
    }

    @Test
    void pagingNeitherRepeatsNorSkipsWhileNewConversationsArrive() throws Exception {
        Desk ana = Desk.newAgent(Desk.newTeam());
        List<String> before = new ArrayList<>();
        try (GatewayEvents events = new GatewayEvents(stack.kafkaBootstrapServers())) {
            for (int i = 0; i < 5; i++) {
                before.add(ana.assignedConversation(events));
            }
        }
        for (String sort : List.of("updated", "created", "due")) {
            java.util.concurrent.ExecutorService arrivals = java.util.concurrent.Executors.newSingleThreadExecutor();
            java.util.concurrent.Future<?> inserting = arrivals.submit(() -> {
                try (GatewayEvents events = new GatewayEvents(stack.kafkaBootstrapServers())) {
                    Instant due = Instant.now().plus(1, ChronoUnit.HOURS);
                    for (int i = 0; i < 10; i++) {
                        String handle = newHandle();
                        events.publish(chatMessage(handle, "arriving while the desktop pages"));
                        events.publish(assigned(handle, ana.agentId(), due.minusSeconds(i)));
                    }
                }
            });
            List<String> seen = new ArrayList<>();
            String cursor = null;
            do {
                var request = ana.request().queryParam("assignee", "me").queryParam("sort", sort).queryParam("limit", 2);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                JsonPath page = request.get("/api/v1/conversations").then().statusCode(200).extract().jsonPath();
                seen.addAll(page.getList("items.id", String.class));
                cursor = page.getString("nextCursor");
            } while (cursor != null);
            inserting.get(60, java.util.concurrent.TimeUnit.SECONDS);
            arrivals.shutdown();

            assertThat(seen).as("sort=" + sort).doesNotHaveDuplicates();
            for (String id : before) {
                assertThat(seen).as("sort=" + sort).containsOnlyOnce(id);
            }
        }
    }

    @Test
    void conversationsArrivingBetweenPageRequestsNeitherRepeatNorPushOutThoseAlreadyThere() {
        Desk ana = Desk.newAgent(Desk.newTeam());
        Instant soon = Instant.now().plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        Instant late = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        try (GatewayEvents events = new GatewayEvents(stack.kafkaBootstrapServers())) {
            List<String> before = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                before.add(ana.assignedConversation(events));
            }
            int arrivals = 0;
            for (String sort : List.of("updated", "created", "due")) {
                List<String> seen = new ArrayList<>();
                List<String> arrivedSoonDue = new ArrayList<>();
                List<String> arrivedLateDue = new ArrayList<>();
                String cursor = null;
                do {
                    var request = ana.request().queryParam("assignee", "me").queryParam("sort", sort).queryParam("limit", 2);
                    if (cursor != null) {
                        request.queryParam("cursor", cursor);
                    }
                    JsonPath page = request.get("/api/v1/conversations").then().statusCode(200).extract().jsonPath();
                    seen.addAll(page.getList("items.id", String.class));
                    cursor = page.getString("nextCursor");
                    // between two page requests: one conversation due before everything there is (each sooner
                    // than the one before), one due after everything there is (each later than the one before)
                    arrivals++;
                    arrivedSoonDue.add(assignedTo(events, ana, soon.minusSeconds(arrivals)));
                    arrivedLateDue.add(assignedTo(events, ana, late.plusSeconds(arrivals)));
                } while (cursor != null);

                assertThat(seen).as("sort=" + sort).doesNotHaveDuplicates();
                assertThat(seen).as("sort=" + sort).containsAll(before);
                // newer and sooner due sort before the cursor: they wait for the next reload of the list
                assertThat(seen).as("sort=" + sort).doesNotContainAnyElementsOf(arrivedSoonDue);
                if (sort.equals("due")) {
                    // due after everything: each shows once, on a later page, but the one arriving after the last page
                    List<String> lateSeen = seen.stream().filter(arrivedLateDue::contains).toList();
                    assertThat(lateSeen).as("sort=due").isEqualTo(arrivedLateDue.subList(0, arrivedLateDue.size() - 1));
                } else {
                    assertThat(seen).as("sort=" + sort).doesNotContainAnyElementsOf(arrivedLateDue);
                }
            }
        }
    }

    /** A new customer's conversation routing assigned to {@code agent}, due at {@code due}, once the API shows it. */
    private static String assignedTo(GatewayEvents events, Desk agent, Instant due) {
        String handle = newHandle();
        events.publish(chatMessage(handle, "arriving between two pages"));
        events.publish(assigned(handle, agent.agentId(), due));
        String id = ConversationApi.awaitConversationOf(keyOf(handle));
        ConversationApi.awaitConversation(id, json -> agent.agentId().equals(json.getString("assigneeAgentId"))
                && json.getList("messages").size() == 1);
        return id;
    }

    @Test
    void theDetailHoldsTheLatest200MessagesAndOlderOnesArePagedBack() {
        String handle = newHandle();
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        try (GatewayEvents events = new GatewayEvents(stack.kafkaBootstrapServers())) {
            for (int i = 0; i < 203; i++) {
                events.publish(chatMessage(handle, "message " + i, start.plusSeconds(i)));
            }
        }
        String id = ConversationApi.awaitConversationOf(keyOf(handle));
        JsonPath detail = await().atMost(CONSUMED_WITHIN).until(() -> ConversationApi.conversation(id),
                json -> "message 202".equals(json.getString("messages[-1].text")) && json.getList("messages").size() == 200);

        assertThat(detail.getString("messages[0].text")).isEqualTo("message 3");
        JsonPath older = asSupervisor().queryParam("before", detail.getString("olderMessagesCursor"))
                .get("/api/v1/conversations/{id}/messages", id).then().statusCode(200).extract().jsonPath();
        assertThat(older.getList("items.text")).containsExactly("message 0", "message 1", "message 2");
        assertThat(older.getString("olderCursor")).isNull();

        JsonPath latest = asSupervisor().queryParam("limit", 2).get("/api/v1/conversations/{id}/messages", id)
                .then().statusCode(200).extract().jsonPath();
        assertThat(latest.getList("items.text")).containsExactly("message 201", "message 202");
        JsonPath before = asSupervisor().queryParam("limit", 2).queryParam("before", latest.getString("olderCursor"))
                .get("/api/v1/conversations/{id}/messages", id).then().statusCode(200).extract().jsonPath();
        assertThat(before.getList("items.text")).containsExactly("message 199", "message 200");
        asSupervisor().queryParam("before", "garbage!").get("/api/v1/conversations/{id}/messages", id)
                .then().statusCode(400).contentType(PROBLEM_JSON).body("field", equalTo("before"));
    }

    @Test
    void filtersByChannelInboxStatusSlaAndText() {
        Desk ana = Desk.newAgent(Desk.newTeam());
        String word = "zebra" + UUID.randomUUID().toString().substring(0, 8);
        String id;
        try (GatewayEvents events = new GatewayEvents(stack.kafkaBootstrapServers())) {
            id = ana.assignedConversation(events);
            events.publish(chatMessage(ConversationApi.conversation(id).getString("customer.handle"), "the " + word + " ate my parcel"));
        }
        await().atMost(CONSUMED_WITHIN).untilAsserted(() -> ana.request().queryParam("q", word).get("/api/v1/conversations")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.contains(id)));

        ana.request().queryParam("channel", "chat").queryParam("inbox", GatewayEvents.INBOX).queryParam("status", "open,pending")
                .queryParam("sla", "ok").queryParam("team", ana.team())
                .get("/api/v1/conversations").then().statusCode(200).body("items.id", org.hamcrest.Matchers.contains(id));
        ana.request().queryParam("channel", "email").get("/api/v1/conversations").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
        ana.request().queryParam("sla", "breached").get("/api/v1/conversations").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
        ana.request().queryParam("q", "no-such-word-" + UUID.randomUUID()).get("/api/v1/conversations").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void isReadyWithTheDatabaseAndTheBrokerChecked() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"), "checks.name", hasItems("kafka", "Database connections health check"));
    }

    @Test
    void describesEveryEndpointItsErrorsAndTheLiveEventsInOpenApi() {
        JsonPath openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        assertThat(openApi.getMap("paths")).containsKeys("/api/v1/conversations", "/api/v1/conversations/{id}",
                "/api/v1/conversations/{id}/timeline", "/api/v1/conversations/{id}/messages",
                "/api/v1/conversations/{id}/notes", "/api/v1/conversations/{id}/transfer",
                "/api/v1/conversations/{id}/escalate", "/api/v1/conversations/{id}/snooze",
                "/api/v1/conversations/{id}/resolve", "/api/v1/conversations/{id}/reopen",
                "/api/v1/conversations/{id}/priority", "/api/v1/conversations/{id}/tags", "/api/v1/customers/{id}",
                "/api/v1/customers/{id}/identities", "/api/v1/customers/{id}/identities/{identityId}",
                "/api/v1/customers/{id}/notes", "/api/v1/me", "/api/v1/me/presence", "/api/v1/me/events");
        assertThat(openApi.getMap("components.schemas")).containsKeys("Conversation", "ConversationList", "Message",
                "Timeline", "LiveEvent", "ReplyAccepted", "Customer", "ProblemDetail");
        assertThat(openApi.getMap("paths.'/api/v1/conversations/{id}'.get.responses")).containsKeys("200", "401", "404");
        assertThat(openApi.getMap("paths.'/api/v1/conversations/{id}/messages'.post.responses"))
                .containsKeys("202", "400", "401", "404", "409");
        assertThat(openApi.getString("paths.'/api/v1/me/events'.get.description"))
                .contains("assignment", "transfer", "message", "delivery", "sla-warning", "sla-breached", "Last-Event-ID");
        assertThat(openApi.getMap("components.securitySchemes")).containsKey("bearer");
    }

    @Test
    void answers401ProblemWithoutAToken() {
        given().get("/api/v1/conversations").then().statusCode(401).contentType(PROBLEM_JSON);
    }

    private static JsonPath page(String agent, String cursor) {
        var request = asSupervisor().queryParam("assignee", agent).queryParam("status", "open").queryParam("limit", 2);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.get("/api/v1/conversations").then().statusCode(200).extract().jsonPath();
    }
}
