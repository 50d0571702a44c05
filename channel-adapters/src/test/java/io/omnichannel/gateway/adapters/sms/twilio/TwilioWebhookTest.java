package io.omnichannel.gateway.adapters.sms.twilio;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.omnichannel.gateway.adapters.rest.FormBody;
import io.omnichannel.gateway.adapters.support.WireMockResource;
import io.omnichannel.gateway.contract.CloudEventRecords;
import io.omnichannel.gateway.contract.EventTypes;
import io.omnichannel.gateway.contract.InboundMessage;
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
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "databases", value = "adapters"))
@WithTestResource(WireMockResource.class)
class TwilioWebhookTest {

    private static final String TOKEN = "test-twilio-auth-token";
    private static final String PUBLIC_URL = "https://gateway.test/webhooks/sms/twilio";

    @InjectLocalStack
    LocalStack stack;

    @Test
    void publishesASignedSmsAsACloudEventBeforeAnswering() {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        String body = form(sid, "+14155550100", "Hello — سلام");

        post(body, sign(body)).then().statusCode(200)
                .contentType(containsString("text/xml"))
                .body(equalTo(TwilioWebhookResource.EMPTY_TWIML));

        try (TopicProbe inbound = new TopicProbe(stack.kafkaBootstrapServers(), Topics.INBOUND)) {
            List<ConsumerRecord<String, byte[]>> records = inbound.await(r -> r.value() != null && new String(r.value(),
                    StandardCharsets.UTF_8).contains(sid), 1, Duration.ofSeconds(20));
            assertThat(records).hasSize(1);
            ConsumerRecord<String, byte[]> record = records.get(0);
            assertThat(record.key()).isEqualTo("sms:+15550001111:+14155550100");
            var event = CloudEventRecords.read(record);
            assertThat(event.getType()).isEqualTo(EventTypes.INBOUND_MESSAGE);
            InboundMessage message = CloudEventRecords.data(event, InboundMessage.class);
            assertThat(message.text()).isEqualTo("Hello — سلام");
            assertThat(message.externalId()).isEqualTo(sid);
            assertThat(event.getId()).isEqualTo(message.id());
        }
    }

    @Test
    void publishesTheSameMessageSidOnlyOnce() {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        String body = form(sid, "+14155550101", "twice");

        post(body, sign(body)).then().statusCode(200);
        post(body, sign(body)).then().statusCode(200);

        try (TopicProbe inbound = new TopicProbe(stack.kafkaBootstrapServers(), Topics.INBOUND)) {
            inbound.await(r -> contains(r, sid), 1, Duration.ofSeconds(20));
            assertThat(inbound.poll(Duration.ofSeconds(2)).stream().filter(r -> contains(r, sid))).hasSize(1);
        }
    }

    @Test
    void rejectsABadOrMissingSignatureWithProblemJson() {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        String body = form(sid, "+14155550102", "forged");

        post(body, "bm90IHRoZSBzaWduYXR1cmU=").then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403), "detail", containsString("does not match"));
        given().contentType("application/x-www-form-urlencoded").body(body)
                .post("/webhooks/sms/twilio").then().statusCode(403)
                .body("detail", containsString("missing"));

        try (TopicProbe inbound = new TopicProbe(stack.kafkaBootstrapServers(), Topics.INBOUND)) {
            assertThat(inbound.poll(Duration.ofSeconds(2)).stream().filter(r -> contains(r, sid))).isEmpty();
        }
    }

    @Test
    void namesTheMissingFieldAndRefusesOversizedBodies() {
        String body = "MessageSid=SM1&To=%2B15550001111&Body=hi";
        post(body, sign(body)).then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("From"), "detail", containsString("'From'"));

        String huge = form("SM2", "+14155550103", "x".repeat(70_000));
        post(huge, sign(huge)).then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void publishesForTheConfiguredInboxOfTheNumberWrittenTo() {
        String sid = "MM" + UUID.randomUUID().toString().replace("-", "");
        String body = "MessageSid=" + sid + "&AccountSid=ACtesteu&From=" + enc("+33612345678") + "&To=" + enc("+445550002222")
                + "&Body=" + enc("photo attached") + "&NumMedia=1&MediaContentType0=" + enc("image/jpeg")
                + "&MediaUrl0=" + enc("https://api.twilio.com/2010-04-01/Accounts/ACtesteu/Messages/" + sid + "/Media/ME1");
        String signature = TwilioSignature.sign("test-eu-auth-token", PUBLIC_URL, FormBody.parse(body).pairs());

        post(body, signature).then().statusCode(200);

        try (TopicProbe inbound = new TopicProbe(stack.kafkaBootstrapServers(), Topics.INBOUND)) {
            ConsumerRecord<String, byte[]> record = inbound.await(r -> contains(r, sid), 1, Duration.ofSeconds(20)).get(0);
            InboundMessage message = CloudEventRecords.data(CloudEventRecords.read(record), InboundMessage.class);
            assertThat(message.inbox()).isEqualTo("sms-eu");
            assertThat(record.key()).isEqualTo("sms:sms-eu:+33612345678");
            assertThat(message.attachments()).singleElement().satisfies(attachment -> {
                assertThat(attachment.contentType()).isEqualTo("image/jpeg");
                assertThat(attachment.ref()).endsWith("/Media/ME1");
            });
        }
        // the default inbox's token does not open another inbox's number
        post(body, sign(body)).then().statusCode(403);
    }

    @Test
    void servesAConfiguredInboxByIdInThePath() {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        String body = "MessageSid=" + sid + "&AccountSid=ACtesteu&From=" + enc("+33612345679") + "&To=" + enc("+445550002222")
                + "&Body=hello";
        String url = "https://gateway.test/webhooks/sms/twilio/sms-eu";
        given().contentType("application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioSignature.sign("test-eu-auth-token", url, FormBody.parse(body).pairs()))
                .body(body).post("/webhooks/sms/twilio/sms-eu").then().statusCode(200);

        try (TopicProbe inbound = new TopicProbe(stack.kafkaBootstrapServers(), Topics.INBOUND)) {
            assertThat(inbound.await(r -> contains(r, sid), 1, Duration.ofSeconds(20))).hasSize(1);
        }
    }

    @Test
    void answers404ForAnUnknownInbox() {
        String body = form("SM404", "+14155550105", "to nobody");
        given().contentType("application/x-www-form-urlencoded").header("X-Twilio-Signature", sign(body))
                .body(body).post("/webhooks/sms/twilio/no-such-inbox").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("no-such-inbox"));
        // an inbox of another provider is not a Twilio inbox
        given().contentType("application/x-www-form-urlencoded").header("X-Twilio-Signature", sign(body))
                .body(body).post("/webhooks/sms/twilio/crm").then().statusCode(404);
    }

    private static boolean contains(ConsumerRecord<String, byte[]> record, String text) {
        return record.value() != null && new String(record.value(), StandardCharsets.UTF_8).contains(text);
    }

    static String form(String sid, String from, String text) {
        return "MessageSid=" + sid + "&AccountSid=AC1&From=" + enc(from) + "&To=" + enc("+15550001111")
                + "&Body=" + enc(text) + "&NumMedia=0&NumSegments=1";
    }

    static String sign(String body) {
        return TwilioSignature.sign(TOKEN, PUBLIC_URL, FormBody.parse(body).pairs());
    }

    private static Response post(String body, String signature) {
        return given().contentType("application/x-www-form-urlencoded").header("X-Twilio-Signature", signature)
                .body(body).post("/webhooks/sms/twilio");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
