package io.omnichannel.gateway.adapters.inbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.omnichannel.gateway.adapters.rest.FormBody;
import io.omnichannel.gateway.adapters.sms.twilio.TwilioSignature;
import io.omnichannel.gateway.adapters.sms.vonage.VonageSignature;
import io.omnichannel.gateway.adapters.support.Broker;
import io.omnichannel.gateway.adapters.support.InjectWireMock;
import io.omnichannel.gateway.adapters.support.WireMockResource;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.DeliveryStatus;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * While the broker is away every webhook is answered 503 + Retry-After (the provider retries), the
 * service reports not ready, and the same webhooks succeed once it is back: nothing is lost.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "databases", value = "adapters"))
@WithTestResource(WireMockResource.class)
class BrokerOutageTest {

    private static final String TWILIO_URL = "https://gateway.test/webhooks/sms/twilio";
    private static final String STATUS_URL = TWILIO_URL + "/status";
    private static final String MESSAGES_PATH = "/2010-04-01/Accounts/ACtesteu/Messages.json";

    @InjectLocalStack
    LocalStack stack;

    @InjectWireMock
    WireMockServer twilio;

    @Test
    void answers503WithRetryAfterOnEveryWebhookWhileTheBrokerIsDownAndAcceptsTheRetriesAfter() {
        String run = UUID.randomUUID().toString().replace("-", "");
        String sms = twilioSms("SM" + run);
        Map<String, String> vonage = vonageSms("VN" + run.substring(0, 16));
        String replySid = "SMreply" + run;
        String status = statusCallbackOfASentReply(replySid);

        stack.stopKafka();
        try {
            assertUnavailable(() -> postTwilio(sms, TWILIO_URL, "test-twilio-auth-token", "/webhooks/sms/twilio"));
            assertUnavailable(() -> postTwilio(status, STATUS_URL, "test-eu-auth-token", "/webhooks/sms/twilio/status"));
            assertUnavailable(() -> postVonage(vonage));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN")));
        } finally {
            stack.startKafka();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));

        postTwilio(sms, TWILIO_URL, "test-twilio-auth-token", "/webhooks/sms/twilio").then().statusCode(200);
        postTwilio(status, STATUS_URL, "test-eu-auth-token", "/webhooks/sms/twilio/status").then().statusCode(200);
        postVonage(vonage).then().statusCode(204);
        try (TopicProbe inbound = new TopicProbe(stack.kafkaBootstrapServers(), Topics.INBOUND)) {
            assertThat(inbound.await(r -> Broker.contains(r, "SM" + run), 1, Duration.ofSeconds(20))).hasSize(1);
            assertThat(inbound.await(r -> Broker.contains(r, vonage.get("messageId")), 1, Duration.ofSeconds(20))).hasSize(1);
        }
        try (TopicProbe receipts = new TopicProbe(stack.kafkaBootstrapServers(), Topics.DELIVERY)) {
            assertThat(receipts.await(r -> Broker.contains(r, replySid)
                    && Broker.receipt(r).status() == DeliveryStatus.DELIVERED, 1, Duration.ofSeconds(20))).hasSize(1);
        }
    }

    private static void assertUnavailable(Supplier<Response> webhook) {
        webhook.get().then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("status", equalTo(503));
    }

    /** A reply sent through Twilio (faked) while the broker is up, and the body of its 'delivered' callback. */
    private String statusCallbackOfASentReply(String sid) {
        String customer = "+3362" + (10_000_000 + (int) (Math.random() * 89_999_999));
        twilio.stubFor(post(urlEqualTo(MESSAGES_PATH)).withRequestBody(containing(enc(customer)))
                .willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"" + sid + "\"}")));
        OutboundMessage reply = new OutboundMessage(UUID.randomUUID().toString(), "conversation-outage", Channel.SMS,
                "twilio", "sms-eu", customer, "agent-1", null, "sent before the outage", null, null, null, Instant.now(), null);
        Broker.publishReply(stack.kafkaBootstrapServers(), reply);
        try (TopicProbe receipts = new TopicProbe(stack.kafkaBootstrapServers(), Topics.DELIVERY)) {
            assertThat(receipts.await(r -> Broker.contains(r, reply.id())
                    && Broker.receipt(r).status() == DeliveryStatus.SENT, 1, Duration.ofSeconds(30))).hasSize(1);
        }
        return "MessageSid=" + sid + "&AccountSid=ACtesteu&From=" + enc("+445550002222") + "&To=" + enc(customer)
                + "&MessageStatus=delivered";
    }

    private static String twilioSms(String sid) {
        return "MessageSid=" + sid + "&AccountSid=AC1&From=" + enc("+14155550199") + "&To=" + enc("+15550001111")
                + "&Body=" + enc("during the outage") + "&NumMedia=0";
    }

    private static Map<String, String> vonageSms(String messageId) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("msisdn", "447700855555");
        params.put("to", "447700900001");
        params.put("messageId", messageId);
        params.put("text", "during the outage");
        params.put("type", "text");
        params.put("message-timestamp", "2026-11-23 10:00:00");
        params.put("timestamp", Long.toString(Instant.now().getEpochSecond()));
        params.put("sig", VonageSignature.sign("sha256", "test-vonage-signature-secret", params));
        return params;
    }

    private static Response postTwilio(String body, String signedUrl, String token, String path) {
        return given().contentType("application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioSignature.sign(token, signedUrl, FormBody.parse(body).pairs()))
                .body(body).post(path);
    }

    private static Response postVonage(Map<String, String> params) {
        String body = params.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return given().contentType("application/x-www-form-urlencoded; charset=UTF-8").body(body).post("/webhooks/sms/vonage");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
