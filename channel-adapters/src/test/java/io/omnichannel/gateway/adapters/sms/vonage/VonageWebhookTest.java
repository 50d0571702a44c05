package io.omnichannel.gateway.adapters.sms.vonage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnichannel.gateway.adapters.support.Broker;
import io.omnichannel.gateway.adapters.support.Samples;
import io.omnichannel.gateway.adapters.support.WireMockResource;
import io.omnichannel.gateway.contract.CloudEventRecords;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.contract.Topics;
import io.omnichannel.gateway.localstack.InjectLocalStack;
import io.omnichannel.gateway.localstack.LocalStack;
import io.omnichannel.gateway.localstack.LocalStackResource;
import io.omnichannel.gateway.localstack.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Vonage inbound SMS against the real broker and database: signatures, concatenated parts, retries. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "databases", value = "adapters"))
@WithTestResource(WireMockResource.class)
class VonageWebhookTest {

    private static final String SECRET = "test-vonage-signature-secret";
    private static final String INBOX_NUMBER = "447700900001";

    @InjectLocalStack
    LocalStack stack;

    @Test
    void reassemblesTheConcatenatedSampleOnceWhateverTheOrderAndRetries() {
        String sender = "4477009" + (10_000 + (int) (Math.random() * 89_999));
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, String>> parts = sampleParts(sender, run);

        send(parts.get(2)).then().statusCode(204);
        send(parts.get(0)).then().statusCode(204);
        send(parts.get(0)).then().statusCode(204);
        try (TopicProbe inbound = new TopicProbe(stack.kafkaBootstrapServers(), Topics.INBOUND)) {
            assertThat(inbound.poll(Duration.ofSeconds(1)).stream().filter(r -> Broker.contains(r, sender))).isEmpty();
        }
        send(parts.get(1)).then().statusCode(204);
        send(parts.get(1)).then().statusCode(204);
        send(parts.get(2)).then().statusCode(204);

        try (TopicProbe inbound = new TopicProbe(stack.kafkaBootstrapServers(), Topics.INBOUND)) {
            List<ConsumerRecord<String, byte[]>> records = inbound.await(r -> Broker.contains(r, sender), 1, Duration.ofSeconds(20));
            assertThat(inbound.poll(Duration.ofSeconds(2)).stream().filter(r -> Broker.contains(r, sender))).hasSize(1);
            InboundMessage message = CloudEventRecords.data(CloudEventRecords.read(records.get(0)), InboundMessage.class);
            assertThat(message.text()).isEqualTo(String.join("", parts.stream().map(p -> p.get("text")).toList()));
            assertThat(message.text()).endsWith("— 你好, سلام.");
            assertThat(message.externalId()).isEqualTo(parts.get(0).get("messageId"));
            assertThat(message.inbox()).isEqualTo("sms-vonage");
            assertThat(message.customer().handle()).isEqualTo(sender);
            assertThat(message.sentAt()).isEqualTo(Instant.parse("2026-11-23T09:15:01Z"));
            assertThat(message.metadata()).containsEntry("concat-total", "3").containsEntry("concat-parts-received", "3");
        }
    }

    @Test
    void publishesASinglePartSmsSentAsGet() {
        String sender = "4477008" + (10_000 + (int) (Math.random() * 89_999));
        Map<String, String> params = signed(Map.of("msisdn", sender, "to", INBOX_NUMBER,
                "messageId", "GET" + UUID.randomUUID().toString().substring(0, 12), "text", "Hi via GET", "type", "text",
                "message-timestamp", "2026-11-23 10:00:00"));

        given().queryParams(params).get("/webhooks/sms/vonage/sms-vonage").then().statusCode(204);

        try (TopicProbe inbound = new TopicProbe(stack.kafkaBootstrapServers(), Topics.INBOUND)) {
            ConsumerRecord<String, byte[]> record = inbound.await(r -> Broker.contains(r, sender), 1, Duration.ofSeconds(20)).get(0);
            assertThat(CloudEventRecords.data(CloudEventRecords.read(record), InboundMessage.class).text()).isEqualTo("Hi via GET");
        }
    }

    @Test
    void refusesUnsignedForgedAndUnknownWithProblemJson() {
        Map<String, String> unsigned = new LinkedHashMap<>(Map.of("msisdn", "447700811111", "to", INBOX_NUMBER,
                "messageId", "X1", "text", "hi", "timestamp", Long.toString(Instant.now().getEpochSecond())));
        given().formParams(unsigned).post("/webhooks/sms/vonage").then().statusCode(401)
                .contentType("application/problem+json");
        Map<String, String> forged = new LinkedHashMap<>(unsigned);
        forged.put("sig", "00".repeat(32));
        given().formParams(forged).post("/webhooks/sms/vonage").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("sig"));
        Map<String, String> elsewhere = signed(Map.of("msisdn", "447700811111", "to", "440000000000", "messageId", "X2"));
        given().formParams(elsewhere).post("/webhooks/sms/vonage").then().statusCode(404)
                .contentType("application/problem+json");
        Map<String, String> noSender = signed(Map.of("to", INBOX_NUMBER, "messageId", "X3"));
        given().formParams(noSender).post("/webhooks/sms/vonage").then().statusCode(400)
                .body("field", org.hamcrest.Matchers.equalTo("msisdn"));

        try (TopicProbe inbound = new TopicProbe(stack.kafkaBootstrapServers(), Topics.INBOUND)) {
            assertThat(inbound.poll(Duration.ofSeconds(2)).stream().filter(r -> Broker.contains(r, "447700811111"))).isEmpty();
        }
    }

    @Test
    void refusesAnOversizedWebhookAndPublishesNothing() {
        String sender = "4477007" + (10_000 + (int) (Math.random() * 89_999));
        Map<String, String> huge = signed(Map.of("msisdn", sender, "to", INBOX_NUMBER, "messageId", "BIG" + sender,
                "text", "x".repeat(70_000), "type", "text"));

        send(huge).then().statusCode(413).contentType("application/problem+json");

        try (TopicProbe inbound = new TopicProbe(stack.kafkaBootstrapServers(), Topics.INBOUND)) {
            assertThat(inbound.poll(Duration.ofSeconds(2)).stream().filter(r -> Broker.contains(r, sender))).isEmpty();
        }
    }

    @Test
    void publishesAnIncompleteConcatenatedSmsAfterTheTimeoutWithTheMissingPartMarked() {
        String sender = "4477006" + (10_000 + (int) (Math.random() * 89_999));
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, String>> parts = sampleParts(sender, run);

        send(parts.get(0)).then().statusCode(204);
        send(parts.get(2)).then().statusCode(204);

        // adapters.vonage.concat-timeout is 8 s in the tests, checked every second
        try (TopicProbe inbound = new TopicProbe(stack.kafkaBootstrapServers(), Topics.INBOUND)) {
            assertThat(inbound.poll(Duration.ofSeconds(4)).stream().filter(r -> Broker.contains(r, sender))).isEmpty();
            List<ConsumerRecord<String, byte[]>> records = inbound.await(r -> Broker.contains(r, sender), 1, Duration.ofSeconds(30));
            InboundMessage message = CloudEventRecords.data(CloudEventRecords.read(records.get(0)), InboundMessage.class);
            assertThat(message.text()).startsWith(parts.get(0).get("text")).endsWith(parts.get(2).get("text"));
            assertThat(message.text()).doesNotContain(parts.get(1).get("text")).contains("[part 2 of 3 missing]");
            assertThat(message.externalId()).isEqualTo(parts.get(0).get("messageId"));
            assertThat(message.metadata()).containsEntry("concat-total", "3").containsEntry("concat-parts-received", "2");
        }
    }

    /** The sample's three parts, re-signed for the test inbox with a fresh timestamp and ids unique to this run. */
    private static List<Map<String, String>> sampleParts(String sender, String run) {
        JsonNode sample = Samples.json("sms/vonage/CONSTRUCTED_inbound_concat_signed.json");
        List<Map<String, String>> parts = new java.util.ArrayList<>();
        for (JsonNode part : sample.get("parts")) {
            Map<String, String> params = VonageSignatureTest.params(part);
            params.put("msisdn", sender);
            params.put("messageId", run + params.get("messageId"));
            params.put("concat-ref", run);
            params.remove("sig");
            parts.add(signed(params));
        }
        return parts;
    }

    private static Map<String, String> signed(Map<String, String> unsigned) {
        Map<String, String> params = new LinkedHashMap<>(unsigned);
        params.put("timestamp", Long.toString(Instant.now().getEpochSecond()));
        params.put("sig", VonageSignature.sign("sha256", SECRET, params));
        return params;
    }

    /** As Vonage posts it: form-encoded in UTF-8. */
    private static io.restassured.response.Response send(Map<String, String> params) {
        String body = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return given().contentType("application/x-www-form-urlencoded; charset=UTF-8").body(body)
                .post("/webhooks/sms/vonage");
    }
}
