package io.omnichannel.gateway.adapters.social;

import static io.omnichannel.gateway.adapters.social.MetaWebhooks.WA_NUMBER_ID;
import static io.omnichannel.gateway.adapters.social.MetaWebhooks.customerNumber;
import static io.omnichannel.gateway.adapters.social.MetaWebhooks.inbound;
import static io.omnichannel.gateway.adapters.social.MetaWebhooks.post;
import static io.omnichannel.gateway.adapters.social.MetaWebhooks.whatsappText;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.omnichannel.gateway.adapters.support.Broker;
import io.omnichannel.gateway.adapters.support.WireMockResource;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.InboundMessage;
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
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Meta webhooks against the real broker and database: handshake, signatures, batches, retries, non-messages. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "databases", value = "adapters"))
@WithTestResource(WireMockResource.class)
class MetaWebhookTest {

    private static final String WHATSAPP = "/webhooks/social/whatsapp/wa-support";
    private static final String SECRET = "test_app_secret";

    @InjectLocalStack
    LocalStack stack;

    @Test
    void answersMetasVerificationHandshakeWithTheChallenge() {
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "test-wa-verify-token")
                .queryParam("hub.challenge", "1158201444").get(WHATSAPP)
                .then().statusCode(200).contentType(containsString("text/plain")).body(equalTo("1158201444"));
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "guess")
                .queryParam("hub.challenge", "1158201444").get(WHATSAPP)
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("verify token"));
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "test-wa-verify-token").get(WHATSAPP)
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("hub.challenge"));
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "test-wa-verify-token")
                .queryParam("hub.challenge", "1").get("/webhooks/social/whatsapp/nowhere")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void publishesASignedWhatsappMessageBeforeAnswering() {
        String from = customerNumber();
        String wamid = "wamid." + UUID.randomUUID();
        long sent = Instant.now().getEpochSecond() - 5;

        post(WHATSAPP, whatsappText(WA_NUMBER_ID, from, wamid, sent, "Hola, ¿dónde está mi pedido? 📦"), SECRET)
                .then().statusCode(200);

        try (TopicProbe probe = new TopicProbe(stack.kafkaBootstrapServers(), Topics.INBOUND)) {
            var record = probe.await(r -> Broker.contains(r, wamid), 1, Duration.ofSeconds(20)).get(0);
            InboundMessage message = MetaWebhooks.message(record);
            assertThat(record.key()).isEqualTo("social:wa-support:+" + from);
            assertThat(message.channel()).isEqualTo(Channel.SOCIAL);
            assertThat(message.provider()).isEqualTo("whatsapp");
            assertThat(message.externalId()).isEqualTo(wamid);
            assertThat(message.customer().handle()).isEqualTo("+" + from);
            assertThat(message.customer().displayName()).isEqualTo("Ada");
            assertThat(message.text()).isEqualTo("Hola, ¿dónde está mi pedido? 📦");
            assertThat(message.sentAt()).isEqualTo(Instant.ofEpochSecond(sent));
        }
    }

    @Test
    void publishesEachMessageOfABatchOnceWhateverTheRetriesAndRepeats() {
        String from = customerNumber();
        String run = UUID.randomUUID().toString();
        long now = Instant.now().getEpochSecond();
        String batch = """
                {"object":"whatsapp_business_account","entry":[
                 {"id":"1","changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"1122334455667"},
                   "messages":[{"from":"%1$s","id":"wamid.%2$s-1","timestamp":"%3$d","type":"text","text":{"body":"first %2$s"}},
                               {"from":"%1$s","id":"wamid.%2$s-1","timestamp":"%3$d","type":"text","text":{"body":"first %2$s"}}]}}]},
                 {"id":"2","changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"2233445566778"},
                   "messages":[{"from":"%1$s","id":"wamid.%2$s-2","timestamp":"%3$d","type":"text","text":{"body":"second %2$s"}}]}}]}
                ]}""".formatted(from, run, now);

        post(WHATSAPP, batch, SECRET).then().statusCode(200);
        post(WHATSAPP, batch, SECRET).then().statusCode(200);

        List<InboundMessage> published = inbound(stack.kafkaBootstrapServers(), run, 2);
        assertThat(published).extracting(InboundMessage::externalId, InboundMessage::inbox).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("wamid." + run + "-1", "wa-support"),
                org.assertj.core.groups.Tuple.tuple("wamid." + run + "-2", "wa-sales"));
    }

    @Test
    void neverPublishesEchoesReadsOrDeliveriesAsCustomersMessages() {
        String psid = "PSID-" + UUID.randomUUID();
        long now = Instant.now().toEpochMilli();
        String batch = """
                {"object":"page","entry":[{"id":"111111","time":%2$d,"messaging":[
                  {"sender":{"id":"111111"},"recipient":{"id":"%1$s"},"timestamp":%2$d,
                   "message":{"is_echo":true,"app_id":1517776481860111,"mid":"m_echo-%1$s","text":"our own reply"}},
                  {"sender":{"id":"%1$s"},"recipient":{"id":"111111"},"timestamp":%2$d,"read":{"watermark":%2$d}},
                  {"sender":{"id":"%1$s"},"recipient":{"id":"111111"},"timestamp":%2$d,
                   "delivery":{"mids":["m_echo-%1$s"],"watermark":%2$d}},
                  {"sender":{"id":"%1$s"},"recipient":{"id":"111111"},"timestamp":%2$d,
                   "message":{"mid":"m_customer-%1$s","text":"is it shipped?"}}]}]}""".formatted(psid, now);

        post("/webhooks/social/messenger/fb-page", batch, SECRET).then().statusCode(200);

        List<InboundMessage> published = inbound(stack.kafkaBootstrapServers(), psid, 1);
        assertThat(published).extracting(InboundMessage::externalId).containsExactly("m_customer-" + psid);
        assertThat(published.get(0).text()).isEqualTo("is it shipped?");
        assertThat(published.get(0).conversationKey()).isEqualTo("social:fb-page:" + psid);
    }

    @Test
    void takesThePublishedSignatureVectorEndToEnd() {
        byte[] body = MetaSamples.bytes("social/messenger/fb_text_message_crlf.json");

        given().contentType("application/json")
                .header(MetaSignature.HEADER, "sha256=13870d954c7cb3a6725c7c8dc58260e6eee77d538dafea1a3703dcc2ae21e97f")
                .body(body).post("/webhooks/social/messenger/fb-bot").then().statusCode(200);

        List<InboundMessage> published = inbound(stack.kafkaBootstrapServers(), "Q3znCzp31iKkarGcToiQWSJGtmSVjUPs7GtwB7WEjVRcg", 1);
        assertThat(published).extracting(InboundMessage::inbox, InboundMessage::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("fb-bot", "asd"));
    }

    @Test
    void refusesBadWebhooksWithProblemJsonAndPublishesNothing() {
        String from = customerNumber();
        String wamid = "wamid." + UUID.randomUUID();
        String body = whatsappText(WA_NUMBER_ID, from, wamid, Instant.now().getEpochSecond(), "forged?");

        given().contentType("application/json").body(body).post(WHATSAPP).then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("X-Hub-Signature-256"));
        post(WHATSAPP, body, "not-the-app-secret").then().statusCode(403).contentType("application/problem+json");
        post(WHATSAPP, "{\"object\":\"whatsapp_business_account\",\"entry\":[" + wamid, SECRET).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("body"));
        post(WHATSAPP, body.replace("whatsapp_business_account", "page"), SECRET).then().statusCode(400)
                .body("field", equalTo("object"));
        post(WHATSAPP, body.replace("\"id\":\"" + wamid + "\",", "\"wid\":\"" + wamid + "\","), SECRET).then().statusCode(400)
                .body("field", equalTo("entry[0].changes[0].value.messages[0].id"));
        post(WHATSAPP, body.replace("forged?", "x".repeat(70_000)), SECRET).then().statusCode(413)
                .contentType("application/problem+json");
        post("/webhooks/social/whatsapp/nowhere", body, SECRET).then().statusCode(404).contentType("application/problem+json");
        post(WHATSAPP, body.replace(WA_NUMBER_ID, "5550000000000"), SECRET).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("5550000000000"));

        assertThat(inbound(stack.kafkaBootstrapServers(), wamid, 0)).isEmpty();
    }
}
