package io.omnichannel.gateway.adapters.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.omnichannel.gateway.adapters.outbound.Deliveries;
import io.omnichannel.gateway.adapters.outbound.OutboundDelivery;
import io.omnichannel.gateway.adapters.support.Broker;
import io.omnichannel.gateway.adapters.support.InjectWireMock;
import io.omnichannel.gateway.adapters.support.WireMockResource;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.CloudEventRecords;
import io.omnichannel.gateway.contract.DeliveryStatus;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.contract.OutboundMessage;
import io.omnichannel.gateway.contract.Topics;
import io.omnichannel.gateway.localstack.InjectLocalStack;
import io.omnichannel.gateway.localstack.LocalStack;
import io.omnichannel.gateway.localstack.LocalStackResource;
import io.omnichannel.gateway.localstack.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The API channel both ways: signed posts in, signed webhook calls out (the integrator faked by WireMock). */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "databases", value = "adapters"))
@WithTestResource(WireMockResource.class)
class ApiChannelTest {

    private static final String SECRET = "test-crm-secret";
    private static final String PATH = "/api/v1/inboxes/crm/messages";

    @InjectLocalStack
    LocalStack stack;

    @InjectWireMock
    WireMockServer integrator;

    @Inject
    Deliveries deliveries;

    @Test
    void publishesASignedMessageBeforeAnswering202() {
        String externalId = "crm-" + UUID.randomUUID();
        String body = message(externalId, "user-7", "Where is my order? 我的订单");

        Response response = post(body, Instant.now().getEpochSecond());

        response.then().statusCode(202).contentType(containsString("application/json"));
        String id = response.path("id");
        assertThat((String) response.path("conversationKey")).isEqualTo("chat:crm:user-7");
        try (TopicProbe inbound = new TopicProbe(stack.kafkaBootstrapServers(), Topics.INBOUND)) {
            ConsumerRecord<String, byte[]> record = inbound.await(r -> Broker.contains(r, externalId), 1,
                    Duration.ofSeconds(20)).get(0);
            InboundMessage message = CloudEventRecords.data(CloudEventRecords.read(record), InboundMessage.class);
            assertThat(message.id()).isEqualTo(id);
            assertThat(message.channel()).isEqualTo(Channel.CHAT);
            assertThat(message.provider()).isEqualTo("api");
            assertThat(message.text()).isEqualTo("Where is my order? 我的订单");
            assertThat(record.key()).isEqualTo("chat:crm:user-7");
        }
    }

    @Test
    void publishesTheSameExternalIdOnce() {
        String externalId = "crm-" + UUID.randomUUID();
        String body = message(externalId, "user-8", "twice");
        long now = Instant.now().getEpochSecond();

        String first = post(body, now).then().statusCode(202).extract().path("id");
        String second = post(body, now + 1).then().statusCode(202).extract().path("id");

        assertThat(second).isEqualTo(first);
        try (TopicProbe inbound = new TopicProbe(stack.kafkaBootstrapServers(), Topics.INBOUND)) {
            inbound.await(r -> Broker.contains(r, externalId), 1, Duration.ofSeconds(20));
            assertThat(inbound.poll(Duration.ofSeconds(2)).stream().filter(r -> Broker.contains(r, externalId))).hasSize(1);
        }
    }

    @Test
    void refusesBadRequestsWithProblemJsonAndPublishesNothing() {
        String externalId = "crm-" + UUID.randomUUID();
        String body = message(externalId, "user-9", "forged");
        long now = Instant.now().getEpochSecond();

        given().contentType("application/json").body(body).post(PATH).then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("X-Gateway-Signature"));
        given().contentType("application/json").header(ApiSignature.TIMESTAMP_HEADER, now)
                .header(ApiSignature.SIGNATURE_HEADER, ApiSignature.sign("wrong-secret", now, bytes(body)))
                .body(body).post(PATH).then().statusCode(403).contentType("application/problem+json");
        post(body, now - 3600).then().statusCode(401).body("detail", containsString("replays"));
        String noCustomer = "{\"externalId\":\"" + externalId + "\",\"text\":\"x\"}";
        post(noCustomer, now).then().statusCode(400).contentType("application/problem+json")
                .body("field", org.hamcrest.Matchers.equalTo("customer.handle"));
        String huge = message(externalId, "user-9", "x".repeat(70_000));
        post(huge, now).then().statusCode(413).contentType("application/problem+json");
        given().contentType("application/json").header(ApiSignature.TIMESTAMP_HEADER, now)
                .header(ApiSignature.SIGNATURE_HEADER, ApiSignature.sign(SECRET, now, bytes(body)))
                .body(body).post("/api/v1/inboxes/nowhere/messages").then().statusCode(404)
                .contentType("application/problem+json");

        try (TopicProbe inbound = new TopicProbe(stack.kafkaBootstrapServers(), Topics.INBOUND)) {
            assertThat(inbound.poll(Duration.ofSeconds(2)).stream().filter(r -> Broker.contains(r, externalId))).isEmpty();
        }
    }

    @Test
    void postsRepliesToTheInboxWebhookSignedAndRetriesServerErrors() {
        String customer = "user-" + UUID.randomUUID();
        String scenario = "integrator-" + customer;
        integrator.stubFor(WireMock.post(urlEqualTo(WireMockResource.CRM_WEBHOOK_PATH)).withRequestBody(containing(customer))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
        integrator.stubFor(WireMock.post(urlEqualTo(WireMockResource.CRM_WEBHOOK_PATH)).withRequestBody(containing(customer))
                .inScenario(scenario).whenScenarioStateIs("up").willReturn(aResponse().withStatus(200)));
        OutboundMessage reply = reply(customer, "It ships tomorrow.");

        Broker.publishReply(stack.kafkaBootstrapServers(), reply);

        try (TopicProbe receipts = new TopicProbe(stack.kafkaBootstrapServers(), Topics.DELIVERY)) {
            var sent = receipts.await(r -> Broker.contains(r, reply.id()), 1, Duration.ofSeconds(30));
            assertThat(sent).hasSize(1);
            assertThat(Broker.receipt(sent.get(0)).status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(sent.get(0).key()).isEqualTo("chat:crm:" + customer);
        }
        List<LoggedRequest> calls = integrator.findAll(postRequestedFor(urlEqualTo(WireMockResource.CRM_WEBHOOK_PATH))
                .withRequestBody(containing(customer)));
        assertThat(calls).hasSize(2);
        LoggedRequest last = calls.get(1);
        assertThat(last.getHeader("X-Gateway-Delivery")).isEqualTo(reply.id());
        long timestamp = Long.parseLong(last.getHeader(ApiSignature.TIMESTAMP_HEADER));
        assertThat(last.getHeader(ApiSignature.SIGNATURE_HEADER)).isEqualTo(ApiSignature.sign(SECRET, timestamp, last.getBody()));
        assertThat(last.getBodyAsString()).contains("\"text\":\"It ships tomorrow.\"");
        integrator.verify(postRequestedFor(urlEqualTo(WireMockResource.CRM_WEBHOOK_PATH))
                .withHeader("Content-Type", matching("application/json.*")).withRequestBody(containing(customer)));
    }

    @Test
    void reportsAReplyTheIntegratorRefusesAsFailed() {
        String customer = "user-" + UUID.randomUUID();
        integrator.stubFor(WireMock.post(urlEqualTo(WireMockResource.CRM_WEBHOOK_PATH)).withRequestBody(containing(customer))
                .willReturn(aResponse().withStatus(422).withBody("unknown customer")));
        OutboundMessage reply = reply(customer, "hello?");

        Broker.publishReply(stack.kafkaBootstrapServers(), reply);

        try (TopicProbe receipts = new TopicProbe(stack.kafkaBootstrapServers(), Topics.DELIVERY)) {
            var failed = receipts.await(r -> Broker.contains(r, reply.id()), 1, Duration.ofSeconds(30));
            assertThat(Broker.receipt(failed.get(0)).status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(Broker.receipt(failed.get(0)).reason()).contains("HTTP 422").contains("unknown customer");
        }
        integrator.verify(1, postRequestedFor(urlEqualTo(WireMockResource.CRM_WEBHOOK_PATH))
                .withHeader("X-Gateway-Delivery", equalTo(reply.id())));
    }

    @Test
    void reportsAReplyThatCannotBeSentForAnUnexpectedReasonAsFailedWithTheReason() {
        // crm-broken's webhook-url is not a URL: the channel throws, no retry can help
        OutboundMessage reply = new OutboundMessage(UUID.randomUUID().toString(), "conversation-10", Channel.CHAT, "api",
                "crm-broken", "user-" + UUID.randomUUID(), "agent-2", null, "lost?", null, null, null, Instant.now(), null);

        Broker.publishReply(stack.kafkaBootstrapServers(), reply);

        try (TopicProbe receipts = new TopicProbe(stack.kafkaBootstrapServers(), Topics.DELIVERY)) {
            var failed = receipts.await(r -> Broker.contains(r, reply.id()), 1, Duration.ofSeconds(30));
            assertThat(Broker.receipt(failed.get(0)).status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(Broker.receipt(failed.get(0)).reason()).startsWith("the reply could not be sent: ")
                    .contains("http://crm broken/replies");
        }
        OutboundDelivery delivery = deliveries.find(reply.id());
        assertThat(delivery.state).isEqualTo(OutboundDelivery.State.FAILED);
        assertThat(delivery.reason).contains("could not be sent");
        try (TopicProbe dlq = new TopicProbe(stack.kafkaBootstrapServers(), Topics.DEAD_LETTER)) {
            assertThat(dlq.poll(Duration.ofSeconds(2)).stream().filter(r -> Broker.contains(r, reply.id()))).isEmpty();
        }
    }

    private static OutboundMessage reply(String customer, String text) {
        return new OutboundMessage(UUID.randomUUID().toString(), "conversation-9", Channel.CHAT, "api", "crm", customer,
                "agent-2", null, text, null, null, null, Instant.now(), null);
    }

    private static String message(String externalId, String handle, String text) {
        return "{\"externalId\":\"" + externalId + "\",\"customer\":{\"handle\":\"" + handle + "\"},\"text\":\"" + text + "\"}";
    }

    private static Response post(String body, long timestamp) {
        return given().contentType("application/json")
                .header(ApiSignature.TIMESTAMP_HEADER, timestamp)
                .header(ApiSignature.SIGNATURE_HEADER, ApiSignature.sign(SECRET, timestamp, bytes(body)))
                .body(bytes(body)).post(PATH);
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
