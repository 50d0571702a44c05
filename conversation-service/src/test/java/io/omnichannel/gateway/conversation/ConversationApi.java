package io.omnichannel.gateway.conversation;

import static io.omnichannel.gateway.conversation.Tokens.asSupervisor;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.function.Predicate;

/** Reads the conversation API the way the agents' desktop does, waiting for the consumers to catch up. */
final class ConversationApi {

    static final Duration CONSUMED_WITHIN = Duration.ofSeconds(60);

    private ConversationApi() {
    }

    /** The id of the one conversation of {@code key}, once it exists. */
    static String awaitConversationOf(String key) {
        return await().atMost(CONSUMED_WITHIN).until(() -> asSupervisor().queryParam("key", key)
                .get("/api/v1/conversations").then().statusCode(200)
                .extract().jsonPath(), json -> json.getList("items").size() == 1).getString("items[0].id");
    }

    /** The conversation once {@code condition} holds for it. */
    static JsonPath awaitConversation(String id, Predicate<JsonPath> condition) {
        return await().atMost(CONSUMED_WITHIN).until(() -> conversation(id), condition);
    }

    static JsonPath conversation(String id) {
        return asSupervisor().get("/api/v1/conversations/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath timeline(String id) {
        return asSupervisor().queryParam("limit", 200).get("/api/v1/conversations/{id}/timeline", id).then()
                .statusCode(200).extract().jsonPath();
    }

    static void assertOneConversationOf(String key) {
        asSupervisor().queryParam("key", key).get("/api/v1/conversations").then().statusCode(200).body("items", hasSize(1));
    }
}
