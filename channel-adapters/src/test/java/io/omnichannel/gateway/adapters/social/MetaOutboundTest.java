package io.omnichannel.gateway.adapters.social;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.omnichannel.gateway.adapters.social.MetaWebhooks.WA_NUMBER_ID;
import static io.omnichannel.gateway.adapters.social.MetaWebhooks.customerNumber;
import static io.omnichannel.gateway.adapters.social.MetaWebhooks.pageText;
import static io.omnichannel.gateway.adapters.social.MetaWebhooks.whatsappStatus;
import static io.omnichannel.gateway.adapters.social.MetaWebhooks.whatsappText;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Replies through the Graph API, faked by WireMock: the 24-hour window opened by the customer's
 * webhooks (real database), receipts and WhatsApp statuses read from the real broker.
 */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "databases", value = "adapters"))
@WithTestResource(WireMockResource.class)
class MetaOutboundTest {

    private static final String SECRET = "test_app_secret";
    private static final String WA_MESSAGES = WireMockResource.GRAPH_PATH + "/" + WA_NUMBER_ID + "/messages";
    private static final String SEND_API = WireMockResource.GRAPH_PATH + "/me/messages";

    @InjectLocalStack
    LocalStack stack;

    @InjectWireMock
    WireMockServer graph;

    @Test
    void repliesOnWhatsappWithinTheWindowAndReportsEachStatusOnce() {
        String customer = customerNumber();
        String inboundId = "wamid.in-" + UUID.randomUUID();
        String outboundId = "wamid.out-" + UUID.randomUUID();
        customerWrites(customer, inboundId, Instant.now().minusSeconds(60));
        graph.stubFor(post(urlEqualTo(WA_MESSAGES)).withRequestBody(containing(customer)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":"
                        + "[{\"input\":\"" + customer + "\",\"wa_id\":\"" + customer + "\"}],\"messages\":[{\"id\":\"" + outboundId + "\"}]}")));
        OutboundMessage reply = whatsappReply(customer, "Your parcel ships today — مرحبا", inboundId, Map.of());

        Broker.publishReply(stack.kafkaBootstrapServers(), reply);

        DeliveryReceipt sent = awaitReceipt(reply.id(), DeliveryStatus.SENT);
        assertThat(sent.externalId()).isEqualTo(outboundId);
        assertThat(sent.conversationKey()).isEqualTo("social:wa-support:+" + customer);
        graph.verify(1, postRequestedFor(urlEqualTo(WA_MESSAGES))
                .withHeader("Authorization", equalTo("Bearer test-wa-access-token"))
                .withRequestBody(matchingJsonPath("$.messaging_product", equalTo("whatsapp")))
                .withRequestBody(matchingJsonPath("$.to", equalTo(customer)))
                .withRequestBody(matchingJsonPath("$.type", equalTo("text")))
                .withRequestBody(matchingJsonPath("$.text.body", equalTo("Your parcel ships today — مرحبا")))
                .withRequestBody(matchingJsonPath("$.context.message_id", equalTo(inboundId))));

        String delivered = whatsappStatus(outboundId, customer, "delivered", Instant.now().getEpochSecond());
        MetaWebhooks.post("/webhooks/social/whatsapp/wa-support", delivered, SECRET).then().statusCode(200);
        MetaWebhooks.post("/webhooks/social/whatsapp/wa-support", delivered, SECRET).then().statusCode(200);
        MetaWebhooks.post("/webhooks/social/whatsapp/wa-support",
                whatsappStatus(outboundId, customer, "read", Instant.now().getEpochSecond()), SECRET).then().statusCode(200);

        awaitReceipt(reply.id(), DeliveryStatus.READ);
        try (TopicProbe receipts = new TopicProbe(stack.kafkaBootstrapServers(), Topics.DELIVERY)) {
            List<ConsumerRecord<String, byte[]>> all = receipts.poll(Duration.ofSeconds(2)).stream()
                    .filter(r -> Broker.contains(r, reply.id())).toList();
            assertThat(all).extracting(r -> Broker.receipt(r).status())
                    .containsExactlyInAnyOrder(DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.READ);
        }
    }

    @Test
    void refusesAWhatsappReplyOutsideTheWindowSayingATemplateIsRequired() {
        String wroteLongAgo = customerNumber();
        String neverWrote = customerNumber();
        customerWrites(wroteLongAgo, "wamid.old-" + UUID.randomUUID(), Instant.now().minus(Duration.ofHours(30)));
        OutboundMessage late = whatsappReply(wroteLongAgo, "Sorry for the delay", null, Map.of());
        OutboundMessage cold = whatsappReply(neverWrote, "Hello there", null, Map.of());

        Broker.publishReply(stack.kafkaBootstrapServers(), late);
        Broker.publishReply(stack.kafkaBootstrapServers(), cold);

        assertThat(awaitReceipt(late.id(), DeliveryStatus.FAILED).reason()).contains("24-hour").contains("template is required")
                .contains("last wrote at");
        assertThat(awaitReceipt(cold.id(), DeliveryStatus.FAILED).reason()).contains("template is required")
                .contains("has not written");
        graph.verify(0, postRequestedFor(urlEqualTo(WA_MESSAGES)).withRequestBody(containing(wroteLongAgo)));
        graph.verify(0, postRequestedFor(urlEqualTo(WA_MESSAGES)).withRequestBody(containing(neverWrote)));
    }

    @Test
    void sendsTheTemplateAReplyNamesOutsideTheWindow() {
        String customer = customerNumber();
        graph.stubFor(post(urlEqualTo(WA_MESSAGES)).withRequestBody(containing(customer)).willReturn(aResponse()
                .withStatus(200).withBody("{\"messages\":[{\"id\":\"wamid.tpl-" + customer + "\"}]}")));
        OutboundMessage reply = whatsappReply(customer, "", null, Map.of("template", "order_update", "template-language", "es"));

        Broker.publishReply(stack.kafkaBootstrapServers(), reply);

        assertThat(awaitReceipt(reply.id(), DeliveryStatus.SENT).externalId()).isEqualTo("wamid.tpl-" + customer);
        graph.verify(1, postRequestedFor(urlEqualTo(WA_MESSAGES)).withRequestBody(containing(customer))
                .withRequestBody(matchingJsonPath("$.type", equalTo("template")))
                .withRequestBody(matchingJsonPath("$.template.name", equalTo("order_update")))
                .withRequestBody(matchingJsonPath("$.template.language.code", equalTo("es"))));
    }

    @Test
    void reportsWhatsappsOwnWindowRefusalAndRetriesItsServerErrors() {
        String refused = customerNumber();
        String flaky = customerNumber();
        customerWrites(refused, "wamid.r-" + UUID.randomUUID(), Instant.now());
        customerWrites(flaky, "wamid.f-" + UUID.randomUUID(), Instant.now());
        graph.stubFor(post(urlEqualTo(WA_MESSAGES)).withRequestBody(containing(refused)).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":{\"message\":\"(#131047) Re-engagement message\",\"type\":\"OAuthException\","
                        + "\"code\":131047,\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"Message failed to "
                        + "send because more than 24 hours have passed since the customer last replied to this number.\"}}}")));
        graph.stubFor(post(urlEqualTo(WA_MESSAGES)).withRequestBody(containing(flaky)).inScenario("flaky-" + flaky)
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        graph.stubFor(post(urlEqualTo(WA_MESSAGES)).withRequestBody(containing(flaky)).inScenario("flaky-" + flaky)
                .whenScenarioStateIs("up").willReturn(aResponse().withStatus(200)
                        .withBody("{\"messages\":[{\"id\":\"wamid.retried-" + flaky + "\"}]}")));
        OutboundMessage first = whatsappReply(refused, "hello?", null, Map.of());
        OutboundMessage second = whatsappReply(flaky, "second time lucky", null, Map.of());

        Broker.publishReply(stack.kafkaBootstrapServers(), first);
        Broker.publishReply(stack.kafkaBootstrapServers(), second);

        assertThat(awaitReceipt(first.id(), DeliveryStatus.FAILED).reason()).contains("template is required").contains("131047");
        assertThat(awaitReceipt(second.id(), DeliveryStatus.SENT).externalId()).isEqualTo("wamid.retried-" + flaky);
        graph.verify(1, postRequestedFor(urlEqualTo(WA_MESSAGES)).withRequestBody(containing(refused)));
        graph.verify(2, postRequestedFor(urlEqualTo(WA_MESSAGES)).withRequestBody(containing(flaky)));
    }

    @Test
    void repliesOnMessengerWithinTheWindowThenWithTheHumanAgentTagThenNotAtAll() {
        String recent = "PSID-" + UUID.randomUUID();
        String twoDays = "PSID-" + UUID.randomUUID();
        String tenDays = "PSID-" + UUID.randomUUID();
        customerWritesOnMessenger(recent, Instant.now());
        customerWritesOnMessenger(twoDays, Instant.now().minus(Duration.ofDays(2)));
        customerWritesOnMessenger(tenDays, Instant.now().minus(Duration.ofDays(10)));
        for (String psid : List.of(recent, twoDays)) {
            graph.stubFor(post(urlEqualTo(SEND_API)).withRequestBody(containing(psid)).willReturn(aResponse().withStatus(200)
                    .withBody("{\"recipient_id\":\"" + psid + "\",\"message_id\":\"m_out-" + psid + "\"}")));
        }
        OutboundMessage inWindow = pageReply("messenger", "fb-page", recent);
        OutboundMessage tagged = pageReply("messenger", "fb-page", twoDays);
        OutboundMessage tooLate = pageReply("messenger", "fb-page", tenDays);

        Broker.publishReply(stack.kafkaBootstrapServers(), inWindow);
        Broker.publishReply(stack.kafkaBootstrapServers(), tagged);
        Broker.publishReply(stack.kafkaBootstrapServers(), tooLate);

        assertThat(awaitReceipt(inWindow.id(), DeliveryStatus.SENT).externalId()).isEqualTo("m_out-" + recent);
        assertThat(awaitReceipt(tagged.id(), DeliveryStatus.SENT).externalId()).isEqualTo("m_out-" + twoDays);
        assertThat(awaitReceipt(tooLate.id(), DeliveryStatus.FAILED).reason()).contains("message tag is required");
        graph.verify(1, postRequestedFor(urlEqualTo(SEND_API)).withRequestBody(containing(recent))
                .withHeader("Authorization", equalTo("Bearer test-page-access-token"))
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo(recent)))
                .withRequestBody(matchingJsonPath("$.messaging_type", equalTo("RESPONSE")))
                .withRequestBody(matchingJsonPath("$.message.text", equalTo("We are on it."))));
        graph.verify(1, postRequestedFor(urlEqualTo(SEND_API)).withRequestBody(containing(twoDays))
                .withRequestBody(matchingJsonPath("$.messaging_type", equalTo("MESSAGE_TAG")))
                .withRequestBody(matchingJsonPath("$.tag", equalTo("HUMAN_AGENT"))));
        graph.verify(0, postRequestedFor(urlEqualTo(SEND_API)).withRequestBody(containing(tenDays)));
    }

    @Test
    void repliesOnInstagramWithTheAccountsToken() {
        String igsid = "IGSID-" + UUID.randomUUID();
        MetaWebhooks.post("/webhooks/social/instagram/ig-shop", pageText("instagram", "IGID", igsid, "mid-" + igsid,
                Instant.now().toEpochMilli(), "hi"), SECRET).then().statusCode(200);
        graph.stubFor(post(urlEqualTo(SEND_API)).withRequestBody(containing(igsid)).willReturn(aResponse().withStatus(200)
                .withBody("{\"recipient_id\":\"" + igsid + "\",\"message_id\":\"ig-out-" + igsid + "\"}")));
        OutboundMessage reply = pageReply("instagram", "ig-shop", igsid);

        Broker.publishReply(stack.kafkaBootstrapServers(), reply);

        assertThat(awaitReceipt(reply.id(), DeliveryStatus.SENT).externalId()).isEqualTo("ig-out-" + igsid);
        graph.verify(1, postRequestedFor(urlEqualTo(SEND_API)).withRequestBody(containing(igsid))
                .withHeader("Authorization", equalTo("Bearer test-ig-access-token")));
    }

    private void customerWrites(String customer, String wamid, Instant at) {
        MetaWebhooks.post("/webhooks/social/whatsapp/wa-support", whatsappText(WA_NUMBER_ID, customer, wamid,
                at.getEpochSecond(), "hello"), SECRET).then().statusCode(200);
    }

    private void customerWritesOnMessenger(String psid, Instant at) {
        MetaWebhooks.post("/webhooks/social/messenger/fb-page", pageText("page", "111111", psid, "mid-" + psid,
                at.toEpochMilli(), "hello"), SECRET).then().statusCode(200);
    }

    private DeliveryReceipt awaitReceipt(String messageId, DeliveryStatus status) {
        try (TopicProbe receipts = new TopicProbe(stack.kafkaBootstrapServers(), Topics.DELIVERY)) {
            List<ConsumerRecord<String, byte[]>> found = receipts.await(r -> Broker.contains(r, messageId)
                    && Broker.receipt(r).status() == status, 1, Duration.ofSeconds(30));
            assertThat(found).as("a %s receipt of %s", status, messageId).isNotEmpty();
            return Broker.receipt(found.get(0));
        }
    }

    private static OutboundMessage whatsappReply(String customer, String text, String inReplyTo, Map<String, String> metadata) {
        return new OutboundMessage(UUID.randomUUID().toString(), "conversation-wa", Channel.SOCIAL, "whatsapp", "wa-support",
                "+" + customer, "agent-1", null, text, null, null, inReplyTo, Instant.now(), metadata);
    }

    private static OutboundMessage pageReply(String provider, String inbox, String customer) {
        return new OutboundMessage(UUID.randomUUID().toString(), "conversation-" + provider, Channel.SOCIAL, provider, inbox,
                customer, "agent-1", null, "We are on it.", null, null, null, Instant.now(), null);
    }
}
