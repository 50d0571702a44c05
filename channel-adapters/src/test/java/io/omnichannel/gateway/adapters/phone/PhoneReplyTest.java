package io.omnichannel.gateway.adapters.phone;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.omnichannel.gateway.adapters.rest.FormBody;
import io.omnichannel.gateway.adapters.sms.twilio.TwilioSignature;
import io.omnichannel.gateway.adapters.support.Broker;
import io.omnichannel.gateway.adapters.support.InjectWireMock;
import io.omnichannel.gateway.adapters.support.WireMockResource;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.DeliveryReceipt;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Replies to phone conversations: a call cannot be answered, the caller is texted (Twilio faked by
 * WireMock), and the receipts stay keyed by the phone conversation.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "databases", value = "adapters"))
@WithTestResource(WireMockResource.class)
class PhoneReplyTest {

    private static final String MESSAGES_PATH = "/2010-04-01/Accounts/ACtesteu/Messages.json";
    private static final String STATUS_URL = "https://gateway.test/webhooks/sms/twilio/status";

    @InjectLocalStack
    LocalStack stack;

    @InjectWireMock
    WireMockServer twilio;

    @Test
    void textsTheCallerThroughTheSmsInboxTheCallNames() {
        String caller = TranscriptWebhookTest.caller();
        String sid = stubTwilio(caller);
        OutboundMessage reply = reply(caller, Channel.SMS, "twilio", "sms-eu", "We refunded your order.");

        Broker.publishReply(stack.kafkaBootstrapServers(), reply);

        DeliveryReceipt sent = awaitReceipt(reply.id(), DeliveryStatus.SENT);
        assertThat(sent.externalId()).isEqualTo(sid);
        assertThat(sent.channel()).isEqualTo(Channel.SMS);
        assertThat(sent.conversationKey()).isEqualTo("phone:phone-support:" + caller);
        twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES_PATH)).withRequestBody(containing("To=" + enc(caller)))
                .withRequestBody(containing("From=" + enc("+445550002222")))
                .withRequestBody(containing("Body=" + enc("We refunded your order."))));
    }

    @Test
    void textsTheCallerThroughThePhoneInboxesSmsInboxAndReportsItsStatuses() {
        String caller = TranscriptWebhookTest.caller();
        String sid = stubTwilio(caller);
        OutboundMessage reply = reply(caller, Channel.SMS, "transcripts", "phone-support", "Call you back at 3?");

        Broker.publishReply(stack.kafkaBootstrapServers(), reply);

        DeliveryReceipt sent = awaitReceipt(reply.id(), DeliveryStatus.SENT);
        assertThat(sent.externalId()).isEqualTo(sid);
        assertThat(sent.conversationKey()).isEqualTo("phone:phone-support:" + caller);
        twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES_PATH)).withRequestBody(containing("To=" + enc(caller)))
                .withRequestBody(containing("From=" + enc("+445550002222"))));

        String delivered = "MessageSid=" + sid + "&AccountSid=ACtesteu&From=" + enc("+445550002222") + "&To=" + enc(caller)
                + "&MessageStatus=delivered";
        given().contentType("application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioSignature.sign("test-eu-auth-token", STATUS_URL,
                        FormBody.parse(delivered).pairs()))
                .body(delivered).post("/webhooks/sms/twilio/status").then().statusCode(200);

        DeliveryReceipt receipt = awaitReceipt(reply.id(), DeliveryStatus.DELIVERED);
        assertThat(receipt.conversationKey()).isEqualTo("phone:phone-support:" + caller);
        assertThat(receipt.externalId()).isEqualTo(sid);
    }

    @Test
    void refusesAReplyOnThePhoneChannelSayingACallCannotBeRepliedTo() {
        String caller = TranscriptWebhookTest.caller();
        OutboundMessage reply = reply(caller, Channel.PHONE, "transcripts", "phone-support", "Hello?");

        Broker.publishReply(stack.kafkaBootstrapServers(), reply);

        DeliveryReceipt failed = awaitReceipt(reply.id(), DeliveryStatus.FAILED);
        assertThat(failed.reason()).contains("cannot be replied to").contains("sms").contains(caller);
        assertThat(failed.conversationKey()).isEqualTo("phone:phone-support:" + caller);
        twilio.verify(0, postRequestedFor(urlEqualTo(MESSAGES_PATH)).withRequestBody(containing(enc(caller))));
    }

    private String stubTwilio(String caller) {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        twilio.stubFor(post(urlEqualTo(MESSAGES_PATH)).withRequestBody(containing(enc(caller)))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\":\"" + sid + "\",\"status\":\"queued\"}")));
        return sid;
    }

    private DeliveryReceipt awaitReceipt(String messageId, DeliveryStatus status) {
        try (TopicProbe receipts = new TopicProbe(stack.kafkaBootstrapServers(), Topics.DELIVERY)) {
            List<ConsumerRecord<String, byte[]>> found = receipts.await(r -> Broker.contains(r, messageId)
                    && Broker.receipt(r).status() == status, 1, Duration.ofSeconds(30));
            assertThat(found).as("a %s receipt of %s", status, messageId).isNotEmpty();
            return Broker.receipt(found.get(0));
        }
    }

    /** A reply to the phone conversation of {@code caller}, as the conversation service sends it. */
    private static OutboundMessage reply(String caller, Channel channel, String provider, String inbox, String text) {
        return new OutboundMessage(UUID.randomUUID().toString(), "conversation-call", channel, provider, inbox, caller,
                "agent-1", null, text, null, null, null, Instant.now(), null, "phone:phone-support:" + caller);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
