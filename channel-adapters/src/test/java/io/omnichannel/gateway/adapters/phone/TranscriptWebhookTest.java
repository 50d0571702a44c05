package io.omnichannel.gateway.adapters.phone;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.omnichannel.gateway.adapters.api.ApiSignature;
import io.omnichannel.gateway.adapters.support.Broker;
import io.omnichannel.gateway.adapters.support.Samples;
import io.omnichannel.gateway.adapters.support.WireMockResource;
import io.omnichannel.gateway.contract.Channel;
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
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The transcripts feed against the real broker: formats, inbox by path or number called, re-posts, refusals. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "databases", value = "adapters"))
@WithTestResource(WireMockResource.class)
class TranscriptWebhookTest {

    private static final String SECRET = "test-phone-secret";
    private static final String INBOX_PATH = "/webhooks/phone/transcripts/phone-support";

    @InjectLocalStack
    LocalStack stack;

    @Test
    void publishesOneMessagePerCallBeforeAnswering202() {
        String caller = caller();
        String callId = "contact-" + UUID.randomUUID();
        byte[] body = sample("aws_connect_contact_lens_voice_analyzed_REPAIRED.json");

        Response response = signed(body, Instant.now().getEpochSecond()).contentType("application/json")
                .queryParam("from", caller).queryParam("callId", callId).queryParam("startedAt", "2026-11-23T09:30:00Z")
                .post(INBOX_PATH);

        response.then().statusCode(202).contentType(containsString("application/json"))
                .body("conversationKey", equalTo("phone:phone-support:" + caller));
        ConsumerRecord<String, byte[]> record = awaitOne(callId);
        InboundMessage message = CloudEventRecords.data(CloudEventRecords.read(record), InboundMessage.class);
        assertThat(message.id()).isEqualTo(response.<String>path("id"));
        assertThat(record.key()).isEqualTo("phone:phone-support:" + caller);
        assertThat(message.channel()).isEqualTo(Channel.PHONE);
        assertThat(message.provider()).isEqualTo("transcripts");
        assertThat(message.externalId()).isEqualTo(callId);
        assertThat(message.customer().handle()).isEqualTo(caller);
        assertThat(message.language()).isEqualTo("en-US");
        assertThat(message.sentAt()).isEqualTo(Instant.parse("2026-11-23T09:30:00Z"));
        assertThat(message.text()).startsWith("Agent: Okay.\nCustomer: Just hello. My name is Peter and help.\n");
        assertThat(message.metadata()).containsEntry("duration-seconds", "32.11").containsEntry("sentiment-customer", "3.1")
                .containsEntry("format", "amazon-contact-lens").containsEntry("reply-inbox", "sms-eu")
                .containsEntry("reply-provider", "twilio").containsEntry("reply-channel", "sms");
    }

    @Test
    void takesWebVttAndFindsTheInboxByTheNumberCalled() {
        String caller = caller();
        String callId = "vtt-" + UUID.randomUUID();
        byte[] body = sample("CONSTRUCTED_call_transcript_webvtt_agent_customer.vtt");

        signed(body, Instant.now().getEpochSecond()).contentType("text/vtt")
                .queryParam("from", caller).queryParam("to", "+445550003333").queryParam("callId", callId)
                .post("/webhooks/phone/transcripts").then().statusCode(202);

        InboundMessage message = CloudEventRecords.data(CloudEventRecords.read(awaitOne(callId)), InboundMessage.class);
        assertThat(message.inbox()).isEqualTo("phone-support");
        assertThat(message.language()).isEqualTo("en");
        assertThat(message.text()).isEqualTo("""
                Agent: Thanks for calling Example Corp, this is Alex.
                Customer: Hi, my order #12345 never arrived — can you check?
                Agent: Sure, one moment.
                Customer: شكراً — thanks!""");
        assertThat(message.metadata()).containsEntry("called", "+445550003333").containsEntry("duration-seconds", "9");
    }

    @Test
    void publishesACallPostedAgainOnce() {
        String caller = caller();
        String callId = "job-" + UUID.randomUUID();
        byte[] body = sample("aws_transcribe_batch_channel_identification.json");
        long now = Instant.now().getEpochSecond();

        String first = signed(body, now).contentType("application/json").queryParam("from", caller).queryParam("callId", callId)
                .post(INBOX_PATH).then().statusCode(202).extract().path("id");
        String second = signed(body, now + 1).contentType("application/json").queryParam("from", caller)
                .queryParam("callId", callId).post(INBOX_PATH).then().statusCode(202).extract().path("id");

        assertThat(second).isEqualTo(first);
        try (TopicProbe inbound = new TopicProbe(stack.kafkaBootstrapServers(), Topics.INBOUND)) {
            inbound.await(r -> Broker.contains(r, callId), 1, Duration.ofSeconds(20));
            assertThat(inbound.poll(Duration.ofSeconds(2)).stream().filter(r -> Broker.contains(r, callId))).hasSize(1);
        }
    }

    @Test
    void refusesBadTranscriptsWithProblemJsonAndPublishesNothing() {
        String caller = caller();
        String callId = "bad-" + UUID.randomUUID();
        byte[] body = sample("twilio_intelligence_v2_sentences_docs.json");
        long now = Instant.now().getEpochSecond();

        given().contentType("application/json").queryParam("from", caller).queryParam("callId", callId).body(body)
                .post(INBOX_PATH).then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("X-Gateway-Signature"));
        given().contentType("application/json").header(ApiSignature.TIMESTAMP_HEADER, now)
                .header(ApiSignature.SIGNATURE_HEADER, ApiSignature.sign("not-the-secret", now, body))
                .queryParam("from", caller).queryParam("callId", callId).body(body)
                .post(INBOX_PATH).then().statusCode(403).contentType("application/problem+json");
        byte[] notATranscript = ("{\"call\":\"" + callId + "\"}").getBytes(StandardCharsets.UTF_8);
        signed(notATranscript, now).contentType("application/json").queryParam("from", caller).queryParam("callId", callId)
                .post(INBOX_PATH).then().statusCode(400).contentType("application/problem+json").body("field", equalTo("body"));
        signed(body, now).contentType("application/json").queryParam("callId", callId)
                .post(INBOX_PATH).then().statusCode(400).body("field", equalTo("from"));
        signed(body, now).contentType("application/json").queryParam("from", "0770 0900123").queryParam("callId", callId)
                .post(INBOX_PATH).then().statusCode(400).body("field", equalTo("from"));
        byte[] huge = new byte[4 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        signed(huge, now).contentType("application/json").queryParam("from", caller).queryParam("callId", callId)
                .post(INBOX_PATH).then().statusCode(413).contentType("application/problem+json");
        signed(body, now).contentType("application/json").queryParam("from", caller).queryParam("callId", callId)
                .post("/webhooks/phone/transcripts/nowhere").then().statusCode(404).contentType("application/problem+json");
        signed(body, now).contentType("application/json").queryParam("from", caller).queryParam("callId", callId)
                .queryParam("to", "+15550009999").post("/webhooks/phone/transcripts").then().statusCode(404)
                .contentType("application/problem+json");

        try (TopicProbe inbound = new TopicProbe(stack.kafkaBootstrapServers(), Topics.INBOUND)) {
            assertThat(inbound.poll(Duration.ofSeconds(2)).stream().filter(r -> Broker.contains(r, callId))).isEmpty();
        }
    }

    private ConsumerRecord<String, byte[]> awaitOne(String marker) {
        try (TopicProbe inbound = new TopicProbe(stack.kafkaBootstrapServers(), Topics.INBOUND)) {
            List<ConsumerRecord<String, byte[]>> found = inbound.await(r -> Broker.contains(r, marker), 1, Duration.ofSeconds(20));
            assertThat(found).as("the message of call %s", marker).hasSize(1);
            return found.get(0);
        }
    }

    private static RequestSpecification signed(byte[] body, long timestamp) {
        return given().header(ApiSignature.TIMESTAMP_HEADER, timestamp)
                .header(ApiSignature.SIGNATURE_HEADER, ApiSignature.sign(SECRET, timestamp, body)).body(body);
    }

    private static byte[] sample(String name) {
        return Samples.text("transcripts/" + name).getBytes(StandardCharsets.UTF_8);
    }

    static String caller() {
        return "+4477009" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }
}
