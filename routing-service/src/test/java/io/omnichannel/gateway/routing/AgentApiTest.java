package io.omnichannel.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.omnichannel.gateway.localstack.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "databases", value = "routing"))
class AgentApiTest {

    private final String id = "agent-" + UUID.randomUUID();

    @Test
    void registersUpdatesAndReadsAnAgent() {
        given().contentType("application/json")
                .body("{\"name\":\"Ana\",\"channels\":{\"sms\":5,\"chat\":3},\"skills\":[\"es\",\"billing\"]}")
                .put("/api/v1/agents/" + id).then().statusCode(201)
                .body("channels.sms", equalTo(5), "presence", equalTo("OFFLINE"));
        given().contentType("application/json").body("{\"name\":\"Ana B\",\"channels\":{\"email\":10}}")
                .put("/api/v1/agents/" + id).then().statusCode(200);

        given().get("/api/v1/agents/" + id).then().statusCode(200)
                .body("name", equalTo("Ana B"), "channels.email", equalTo(10), "channels.sms", equalTo(null));

        given().contentType("application/json").body("{\"presence\":\"online\"}")
                .put("/api/v1/agents/" + id + "/presence").then().statusCode(200).body("presence", equalTo("ONLINE"));
    }

    @Test
    void answersProblemJsonNamingTheField() {
        given().contentType("application/json").body("{\"name\":\"Bo\",\"channels\":{\"sms\":0}}")
                .put("/api/v1/agents/" + id).then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("channels"), "detail", containsString("between 1 and 50"));
        given().contentType("application/json").body("{\"name\":\"Bo\",\"channels\":{\"fax\":1}}")
                .put("/api/v1/agents/" + id).then().statusCode(400).body("detail", containsString("unknown channel 'fax'"));
        given().contentType("application/json").body("{\"channels\":{\"sms\":1}}")
                .put("/api/v1/agents/" + id).then().statusCode(400).body("field", equalTo("name"));
        given().contentType("application/json").body("{\"name\":\"Bo\",\"channels\":{\"sms\":1}}")
                .put("/api/v1/agents/" + id).then().statusCode(201);
        given().contentType("application/json").body("{\"presence\":\"BUSY\"}")
                .put("/api/v1/agents/" + id + "/presence").then().statusCode(400).body("field", equalTo("presence"));
    }

    @Test
    void answers404ForAnUnknownAgent() {
        given().get("/api/v1/agents/nobody-" + id).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().contentType("application/json").body("{\"presence\":\"ONLINE\"}")
                .put("/api/v1/agents/nobody-" + id + "/presence").then().statusCode(404);
    }
}
