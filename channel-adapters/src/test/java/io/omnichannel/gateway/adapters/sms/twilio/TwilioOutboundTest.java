package io.omnichannel.gateway.adapters.sms.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.omnichannel.gateway.adapters.rest.FormBody;
import io.omnichannel.gateway.adapters.support.Broker;
import io.omnichannel.gateway.adapters.support.InjectWireMock;
import io.omnichannel.gateway.adapters.support.WireMockResource;
import io.omnichannel.gateway.contract.Attachment;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.DeliveryReceipt;
import io.omnichannel.gateway.contract.DeliveryStatus;
import io.omnichannel.gateway.contract.EventTypes;
import io.omnichannel.gateway.contract.OutboundMessage;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Replies through Twilio's Messages API, faked by WireMock; receipts read from the real broker. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "databases", value = "adapters"))
@WithTestResource(WireMockResource.class)
class TwilioOutboundTest {

    private static final String MESSAGES_PATH = "/2010-04-01/Accounts/ACtesteu/Messages.json";
    private static final String STATUS_URL = "https://gateway.test/webhooks/sms/twilio/status";

    @InjectLocalStack
    LocalStack stack;

    @InjectWireMock
    WireMockServer twilio;

    @Test
    void sendsAReplyThroughTwilioAndReportsItSent() {
        String customer = customer();
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        twilio.stubFor(post(urlEqualTo(MESSAGES_PATH)).withRequestBody(containing(enc(customer)))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\":\"" + sid + "\",\"status\":\"queued\"}")));
        OutboundMessage reply = reply(customer, "Your parcel ships today — 你好");

        Broker.publishReply(stack.kafkaBootstrapServers(), reply);

        DeliveryReceipt receipt = awaitReceipt(reply.id(), DeliveryStatus.SENT);
        assertThat(receipt.externalId()).isEqualTo(sid);
        assertThat(receipt.conversationKey()).isEqualTo("sms:sms-eu:" + customer);
        assertThat(receipt.channel()).isEqualTo(Channel.SMS);
        twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES_PATH))
                .withHeader("Authorization", equalTo("Basic " + java.util.Base64.getEncoder()
                        .encodeToString("ACtesteu:test-eu-auth-token".getBytes(StandardCharsets.UTF_8))))
                .withRequestBody(containing("To=" + enc(customer)))
                .withRequestBody(containing("From=" + enc("+445550002222")))
                .withRequestBody(containing("Body=" + enc("Your parcel ships today — 你好")))
                .withRequestBody(containing("StatusCallback=" + enc(STATUS_URL))));
    }

    @Test
    void turnsStatusCallbacksIntoReceiptsOncePerStatus() {
        String customer = customer();
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        twilio.stubFor(post(urlEqualTo(MESSAGES_PATH)).withRequestBody(containing(enc(customer)))
                .willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"" + sid + "\"}")));
        OutboundMessage reply = reply(customer, "status please");
        Broker.publishReply(stack.kafkaBootstrapServers(), reply);
        awaitReceipt(reply.id(), DeliveryStatus.SENT);

        String delivered = callback(sid, customer, "delivered", null);
        postCallback(delivered);
        postCallback(delivered);
        postCallback(callback(sid, customer, "undelivered", "30003"));

        assertThat(awaitReceipt(reply.id(), DeliveryStatus.DELIVERED).externalId()).isEqualTo(sid);
        DeliveryReceipt failed = awaitReceipt(reply.id(), DeliveryStatus.FAILED);
        assertThat(failed.reason()).contains("unreachable").contains("30003");
        try (TopicProbe receipts = new TopicProbe(stack.kafkaBootstrapServers(), Topics.DELIVERY)) {
            List<ConsumerRecord<String, byte[]>> all = receipts.poll(Duration.ofSeconds(2)).stream()
                    .filter(r -> Broker.contains(r, reply.id())).toList();
            assertThat(all).extracting(r -> Broker.receipt(r).status())
                    .containsExactlyInAnyOrder(DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.FAILED);
        }
    }

    @Test
    void refusesABadlySignedStatusCallback() {
        String body = callback("SMforged", "+15550009999", "delivered", null);
        given().contentType("application/x-www-form-urlencoded").header("X-Twilio-Signature", "Zm9yZ2Vk")
                .body(body).post("/webhooks/sms/twilio/status").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void reportsAPermanentRefusalAsFailedAtOnce() {
        String customer = customer();
        twilio.stubFor(post(urlEqualTo(MESSAGES_PATH)).withRequestBody(containing(enc(customer)))
                .willReturn(aResponse().withStatus(400).withBody(
                        "{\"code\":21211,\"message\":\"The 'To' number is not a valid phone number.\",\"status\":400}")));
        OutboundMessage reply = reply(customer, "to a bad number");

        Broker.publishReply(stack.kafkaBootstrapServers(), reply);

        DeliveryReceipt receipt = awaitReceipt(reply.id(), DeliveryStatus.FAILED);
        assertThat(receipt.reason()).contains("not a valid phone number").contains("21211");
        twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES_PATH)).withRequestBody(containing(enc(customer))));
    }

    @Test
    void retriesServerErrorsWithBackoffThenSucceeds() {
        String customer = customer();
        String scenario = "flaky-" + customer;
        twilio.stubFor(post(urlEqualTo(MESSAGES_PATH)).withRequestBody(containing(enc(customer)))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        twilio.stubFor(post(urlEqualTo(MESSAGES_PATH)).withRequestBody(containing(enc(customer)))
                .inScenario(scenario).whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"SMretried\"}")));
        OutboundMessage reply = reply(customer, "second time lucky");

        Broker.publishReply(stack.kafkaBootstrapServers(), reply);

        assertThat(awaitReceipt(reply.id(), DeliveryStatus.SENT).externalId()).isEqualTo("SMretried");
        twilio.verify(2, postRequestedFor(urlEqualTo(MESSAGES_PATH)).withRequestBody(containing(enc(customer))));
    }

    @Test
    void givesUpAfterTheConfiguredAttemptsAndReportsFailed() {
        String customer = customer();
        twilio.stubFor(post(urlEqualTo(MESSAGES_PATH)).withRequestBody(containing(enc(customer)))
                .willReturn(aResponse().withStatus(500).withBody("{\"message\":\"internal error\"}")));
        OutboundMessage reply = reply(customer, "never arrives");

        Broker.publishReply(stack.kafkaBootstrapServers(), reply);

        assertThat(awaitReceipt(reply.id(), DeliveryStatus.FAILED).reason()).contains("gave up after 3 attempts");
        twilio.verify(3, postRequestedFor(urlEqualTo(MESSAGES_PATH)).withRequestBody(containing(enc(customer))));
    }

    @Test
    void deliversARedeliveredReplyOnlyOnce() {
        String customer = customer();
        twilio.stubFor(post(urlEqualTo(MESSAGES_PATH)).withRequestBody(containing(enc(customer)))
                .willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"SMonce" + customer.substring(1) + "\"}")));
        OutboundMessage reply = reply(customer, "only once");

        Broker.publishReply(stack.kafkaBootstrapServers(), reply);
        awaitReceipt(reply.id(), DeliveryStatus.SENT);
        Broker.publishReply(stack.kafkaBootstrapServers(), reply);

        try (TopicProbe receipts = new TopicProbe(stack.kafkaBootstrapServers(), Topics.DELIVERY)) {
            // the repeat publishes the same receipt again (same CloudEvent id), and calls Twilio no more
            List<ConsumerRecord<String, byte[]>> sent = receipts.await(r -> Broker.contains(r, reply.id()), 2,
                    Duration.ofSeconds(20));
            assertThat(sent).hasSize(2);
            assertThat(sent).extracting(r -> new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                    .containsOnly(new String(sent.get(0).headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
            assertThat(sent).extracting(r -> new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                    .containsOnly(EventTypes.DELIVERY_RECEIPT);
        }
        twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES_PATH)).withRequestBody(containing(enc(customer))));
    }

    @Test
    void reportsAReplyFromAnUnknownInboxAsFailed() {
        OutboundMessage reply = new OutboundMessage(UUID.randomUUID().toString(), "c-1", Channel.SMS, "twilio",
                "sms-nowhere", customer(), "agent-1", null, "lost?", null, null, null, Instant.now(), null);

        Broker.publishReply(stack.kafkaBootstrapServers(), reply);

        assertThat(awaitReceipt(reply.id(), DeliveryStatus.FAILED).reason()).contains("sms-nowhere");
    }

    @Test
    void sendsATextOverTwilios1600CharactersAsSeveralMessagesCutAtPartBoundariesAndCountsTheParts() {
        String customer = customer();
        String text = "The parcel is on its way. ".repeat(77).strip(); // 2001 GSM-7 characters: 14 parts of 153
        twilio.stubFor(post(urlEqualTo(MESSAGES_PATH)).withRequestBody(containing(enc(customer)))
                .willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"SMlong" + customer.substring(1) + "\"}")));
        double segmentsBefore = segmentsCounted("GSM_7");
        OutboundMessage reply = reply(customer, text);

        Broker.publishReply(stack.kafkaBootstrapServers(), reply);

        awaitReceipt(reply.id(), DeliveryStatus.SENT);
        List<String> bodies = twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES_PATH)).withRequestBody(containing(enc(customer))))
                .stream().map(request -> FormBody.parse(request.getBodyAsString()).first("Body").orElseThrow()).toList();
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(0)).hasSize(10 * 153); // ten whole parts: an eleventh would pass 1600 characters
        assertThat(String.join("", bodies)).isEqualTo(text);
        assertThat(bodies).allSatisfy(body -> assertThat(body.length()).isLessThanOrEqualTo(TwilioOutboundChannel.MAX_BODY_CHARS));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(segmentsCounted("GSM_7") - segmentsBefore).isEqualTo(14));
    }

    @Test
    void sendsTheAttachmentsThatHaveAUrlAsMediaUrl() {
        String customer = customer();
        twilio.stubFor(post(urlEqualTo(MESSAGES_PATH)).withRequestBody(containing(enc(customer)))
                .willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"MMmedia" + customer.substring(1) + "\"}")));
        OutboundMessage reply = new OutboundMessage(UUID.randomUUID().toString(), "conversation-1", Channel.SMS, "twilio",
                "sms-eu", customer, "agent-1", null, "Your label and invoice", null,
                List.of(new Attachment("label.png", "image/png", 2048L, "https://files.example.com/label.png"),
                        new Attachment("invoice.pdf", "application/pdf", 4096L, "https://files.example.com/invoice.pdf"),
                        new Attachment("note.txt", "text/plain", 12L, "local-store:note-1")),
                null, Instant.now(), null);

        Broker.publishReply(stack.kafkaBootstrapServers(), reply);

        assertThat(awaitReceipt(reply.id(), DeliveryStatus.SENT).externalId()).isEqualTo("MMmedia" + customer.substring(1));
        List<String> media = twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES_PATH)).withRequestBody(containing(enc(customer))))
                .stream().flatMap(request -> FormBody.parse(request.getBodyAsString()).pairs().stream())
                .filter(pair -> pair.getKey().equals("MediaUrl")).map(Map.Entry::getValue).toList();
        assertThat(media).containsExactly("https://files.example.com/label.png", "https://files.example.com/invoice.pdf");
    }

    @Test
    void refusesMalformedAndOversizedStatusCallbacksWithProblemJson() {
        String noSid = "AccountSid=ACtesteu&From=" + enc("+445550002222") + "&To=" + enc(customer()) + "&MessageStatus=delivered";
        postCallback(noSid, 400).body("field", org.hamcrest.Matchers.equalTo("MessageSid"));
        String unknownStatus = callback("SMx" + UUID.randomUUID().toString().replace("-", ""), customer(), "teleported", null);
        postCallback(unknownStatus, 400).body("field", org.hamcrest.Matchers.equalTo("MessageStatus"));
        String huge = callback("SMhuge", customer(), "delivered", null) + "&Padding=" + "x".repeat(70_000);
        postCallback(huge, 413);
    }

    private double segmentsCounted(String encoding) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("gateway_sms_segments_total{") && line.contains("encoding=\"" + encoding + "\"")
                        && line.contains("provider=\"twilio\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private DeliveryReceipt awaitReceipt(String messageId, DeliveryStatus status) {
        try (TopicProbe receipts = new TopicProbe(stack.kafkaBootstrapServers(), Topics.DELIVERY)) {
            List<ConsumerRecord<String, byte[]>> found = receipts.await(r -> Broker.contains(r, messageId)
                    && Broker.receipt(r).status() == status, 1, Duration.ofSeconds(30));
            assertThat(found).as("a %s receipt of %s", status, messageId).isNotEmpty();
            return Broker.receipt(found.get(0));
        }
    }

    private static OutboundMessage reply(String to, String text) {
        return new OutboundMessage(UUID.randomUUID().toString(), "conversation-1", Channel.SMS, "twilio", "sms-eu", to,
                "agent-1", null, text, null, null, null, Instant.now(), null);
    }

    private static String callback(String sid, String customer, String status, String errorCode) {
        return "MessageSid=" + sid + "&AccountSid=ACtesteu&From=" + enc("+445550002222") + "&To=" + enc(customer)
                + "&MessageStatus=" + status + (errorCode == null ? "" : "&ErrorCode=" + errorCode);
    }

    private static void postCallback(String body) {
        postCallback(body, 200);
    }

    private static io.restassured.response.ValidatableResponse postCallback(String body, int status) {
        var response = given().contentType("application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioSignature.sign("test-eu-auth-token", STATUS_URL, FormBody.parse(body).pairs()))
                .body(body).post("/webhooks/sms/twilio/status").then().statusCode(status);
        return status == 200 ? response : response.contentType("application/problem+json");
    }

    private static String customer() {
        return "+3361" + (10_000_000 + (int) (Math.random() * 89_999_999));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
