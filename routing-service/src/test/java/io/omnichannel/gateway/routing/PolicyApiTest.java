package io.omnichannel.gateway.routing;

import static io.omnichannel.gateway.routing.RoutingTestSupport.message;
import static io.omnichannel.gateway.routing.RoutingTestSupport.publish;
import static io.omnichannel.gateway.routing.RoutingTestSupport.putInboxRouting;
import static io.omnichannel.gateway.routing.RoutingTestSupport.putTeam;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.InboundMessage;
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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Calendars and teams over the API: listed, deleted, and kept (409, naming the user) while something uses them. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "databases", value = "routing"))
class PolicyApiTest {

    @InjectLocalStack
    LocalStack stack;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void startFromNothing() {
        RoutingTestSupport.clearRoutingState(entityManager);
    }

    @Test
    void listsAndDeletesCalendarsNoInboxUses() {
        for (String id : List.of("berlin", "tokyo")) {
            given().contentType("application/json")
                    .body("{\"timeZone\":\"Europe/Berlin\",\"weeklyHours\":[\"MONDAY 09:00-17:00\"],\"holidays\":[\"2026-12-25\"]}")
                    .put("/api/v1/calendars/" + id).then().statusCode(200);
        }
        putInboxRouting("berlin-line", "{\"calendarId\":\"berlin\"}");
        given().get("/api/v1/calendars").then().statusCode(200).body("id", equalTo(List.of("berlin", "tokyo")),
                "[0].holidays", equalTo(List.of("2026-12-25")));

        given().delete("/api/v1/calendars/berlin").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("inbox berlin-line"));
        given().delete("/api/v1/calendars/tokyo").then().statusCode(204);
        given().delete("/api/v1/calendars/tokyo").then().statusCode(404).contentType("application/problem+json");

        given().get("/api/v1/calendars").then().body("id", equalTo(List.of("berlin")));
        putInboxRouting("berlin-line", "{}");
        given().delete("/api/v1/calendars/berlin").then().statusCode(204);
        given().get("/api/v1/calendars").then().body("size()", equalTo(0));
    }

    @Test
    void deletesATeamOnlyWhenNothingRefersToIt() {
        putTeam("overflow", null);
        putTeam("support", "overflow");
        String ana = "agent-" + UUID.randomUUID();
        given().contentType("application/json").body("{\"name\":\"Ana\",\"channels\":{\"sms\":1},\"teams\":[\"support\"]}")
                .put("/api/v1/agents/" + ana).then().statusCode(201);
        putInboxRouting("support-line", "{\"teamId\":\"support\"}");
        InboundMessage waiting = message(Channel.SMS, "support-line", "+1415" + UUID.randomUUID(), null, Instant.now());
        publish(stack.kafkaBootstrapServers(), waiting);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/queue?channel=sms")
                .then().body("size()", equalTo(1)));

        given().delete("/api/v1/teams/overflow").then().statusCode(409).body("detail", containsString("team support"));
        given().delete("/api/v1/teams/support").then().statusCode(409)
                .body("detail", containsString("agent " + ana), "detail", containsString("inbox support-line"),
                        "detail", containsString("conversation " + waiting.conversationKey()));

        given().contentType("application/json").body("{\"name\":\"Ana\",\"channels\":{\"sms\":1}}")
                .put("/api/v1/agents/" + ana).then().statusCode(200);
        putInboxRouting("support-line", "{}");
        given().post("/api/v1/conversations/{key}/resolve", waiting.conversationKey()).then().statusCode(204);
        given().delete("/api/v1/teams/support").then().statusCode(204);
        given().delete("/api/v1/teams/overflow").then().statusCode(204);
        given().get("/api/v1/teams").then().body("size()", equalTo(0));
        given().delete("/api/v1/teams/support").then().statusCode(404);
    }
}
