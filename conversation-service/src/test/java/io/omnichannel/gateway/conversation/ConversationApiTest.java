package io.omnichannel.gateway.conversation;

import static io.omnichannel.gateway.conversation.ConversationApi.CONSUMED_WITHIN;
import static io.omnichannel.gateway.conversation.GatewayEvents.assigned;
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
    void isReadyWithTheDatabaseAndTheBrokerChecked() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"), "checks.name", hasItems("kafka", "Database connections health check"));
    }

    @Test
    void describesTheApiInOpenApi() {
        JsonPath openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        assertThat(openApi.getMap("paths")).containsKeys("/api/v1/conversations", "/api/v1/conversations/{id}");
        assertThat(openApi.getMap("components.schemas")).containsKeys("Conversation", "ConversationList", "Message");
        assertThat(openApi.getMap("paths.'/api/v1/conversations/{id}'.get.responses")).containsKeys("200", "404");
    }

    private static JsonPath page(String agent, String cursor) {
        var request = asSupervisor().queryParam("assignee", agent).queryParam("status", "open").queryParam("limit", 2);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.get("/api/v1/conversations").then().statusCode(200).extract().jsonPath();
    }
}
