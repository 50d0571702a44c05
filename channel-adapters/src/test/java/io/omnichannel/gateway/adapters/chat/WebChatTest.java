package io.omnichannel.gateway.adapters.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.omnichannel.gateway.adapters.support.Broker;
import io.omnichannel.gateway.adapters.support.InjectWireMock;
import io.omnichannel.gateway.adapters.support.WireMockResource;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.CloudEventRecords;
import io.omnichannel.gateway.contract.DeliveryReceipt;
import io.omnichannel.gateway.contract.DeliveryStatus;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.contract.OutboundMessage;
import io.omnichannel.gateway.contract.Topics;
import io.omnichannel.gateway.localstack.InjectLocalStack;
import io.omnichannel.gateway.localstack.LocalStack;
import io.omnichannel.gateway.localstack.LocalStackResource;
import io.omnichannel.gateway.localstack.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.URL;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The web chat against the real broker and database: socket and REST fallback, replies, receipts, reconnects, bad input. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "databases", value = "adapters"))
@WithTestResource(WireMockResource.class)
class WebChatTest {

    private static final String SECRET = "test-web-chat-secret";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @InjectLocalStack
    LocalStack stack;

    @InjectWireMock
    WireMockServer wiremock;

    @TestHTTPResource("/")
    URL base;

    @Inject
    EntityManager entityManager;

    @Test
    void publishesAVisitorMessageBeforeAcceptingIt() {
        String visitor = anonymousId();
        String clientMessageId = UUID.randomUUID().toString();
        try (ChatClient chat = connect("web")) {
            chat.hello(visitor, null, 0).await("ready");
            chat.message(clientMessageId, "سلام، سفارشم کجاست؟");

            JsonNode accepted = chat.await("accepted", frame -> clientMessageId.equals(frame.path("clientMessageId").asText()));

            InboundMessage message = inbound(clientMessageId, 1).get(0);
            assertThat(message.id()).isEqualTo(accepted.path("id").asText());
            assertThat(message.channel()).isEqualTo(Channel.CHAT);
            assertThat(message.provider()).isEqualTo("webchat");
            assertThat(message.inbox()).isEqualTo("web");
            assertThat(message.customer().handle()).isEqualTo("anonymous:" + visitor);
            assertThat(message.text()).isEqualTo("سلام، سفارشم کجاست؟");
            assertThat(message.metadata()).containsEntry("client-message-id", clientMessageId);
        }
    }

    @Test
    void publishesAClientMessageIdOnceHoweverOftenItIsSent() {
        String visitor = anonymousId();
        String clientMessageId = UUID.randomUUID().toString();
        String firstId;
        try (ChatClient chat = connect("web")) {
            chat.hello(visitor, null, 0).await("ready");
            chat.message(clientMessageId, "once").message(clientMessageId, "once");
            firstId = chat.await("accepted").path("id").asText();
            assertThat(chat.await("accepted", frame -> chat.frames("accepted").size() == 2).path("id").asText()).isEqualTo(firstId);
        }
        // the widget re-sends its outbox after a reconnect, and the REST fallback may carry the same message
        try (ChatClient again = connect("web")) {
            again.hello(visitor, null, 0).await("ready");
            again.message(clientMessageId, "once");
            assertThat(again.await("accepted").path("id").asText()).isEqualTo(firstId);
        }
        String restId = rest(visitor).body("{\"clientMessageId\":\"" + clientMessageId + "\",\"text\":\"once\"}")
                .post("/chat/api/web/messages").then().statusCode(202).extract().path("id");
        assertThat(restId).isEqualTo(firstId);

        try (TopicProbe probe = new TopicProbe(stack.kafkaBootstrapServers(), Topics.INBOUND)) {
            probe.await(r -> Broker.contains(r, clientMessageId), 1, WAIT);
            assertThat(probe.poll(Duration.ofSeconds(2)).stream().filter(r -> Broker.contains(r, clientMessageId))).hasSize(1);
        }
    }

    @Test
    void pushesAnAgentReplyToTheSocketAndReportsItSent() {
        String visitor = anonymousId();
        try (ChatClient chat = connect("web")) {
            chat.hello(visitor, null, 0).await("ready");
            OutboundMessage reply = reply(visitor, "It ships tomorrow. فردا ارسال می‌شود.");

            Broker.publishReply(stack.kafkaBootstrapServers(), reply);

            JsonNode pushed = chat.await("message", frame -> reply.id().equals(frame.path("id").asText()));
            assertThat(pushed.path("text").asText()).isEqualTo("It ships tomorrow. فردا ارسال می‌شود.");
            assertThat(pushed.path("cursor").asLong()).isEqualTo(1);
            assertThat(pushed.path("status").asText()).isEqualTo("sent");
            assertThat(receipts(reply.id(), 1).get(0).status()).isEqualTo(DeliveryStatus.SENT);
        }
    }

    @Test
    void reportsTheWidgetsAcknowledgementsAsDeliveredAndReadOnce() {
        String visitor = anonymousId();
        try (ChatClient chat = connect("web"); ChatClient otherTab = connect("web")) {
            chat.hello(visitor, null, 0).await("ready");
            otherTab.hello(visitor, null, 0).await("ready");
            OutboundMessage reply = reply(visitor, "Anything else?");
            Broker.publishReply(stack.kafkaBootstrapServers(), reply);
            chat.await("message", frame -> reply.id().equals(frame.path("id").asText()));
            receipts(reply.id(), 1);

            chat.send("{\"type\":\"ack\",\"cursor\":1,\"status\":\"delivered\"}");
            chat.send("{\"type\":\"ack\",\"cursor\":1,\"status\":\"read\"}");
            chat.send("{\"type\":\"ack\",\"cursor\":1,\"status\":\"read\"}");

            otherTab.await("status", frame -> "read".equals(frame.path("status").asText()));
            assertThat(otherTab.frames("status")).extracting(frame -> frame.path("status").asText()).containsExactly("delivered", "read");
            List<DeliveryReceipt> receipts = receipts(reply.id(), 3);
            assertThat(receipts).extracting(DeliveryReceipt::status)
                    .containsExactlyInAnyOrder(DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.READ);
            assertThat(receipts).allSatisfy(receipt -> assertThat(receipt.conversationKey()).isEqualTo("chat:web:anonymous:" + visitor));
        }
        // a reconnecting widget sees the status it acknowledged
        try (ChatClient later = connect("web")) {
            later.hello(visitor, null, 0);
            assertThat(later.await("message").path("status").asText()).isEqualTo("read");
        }
    }

    @Test
    void sendsAReconnectingWidgetExactlyTheRepliesItMissed() {
        String visitor = anonymousId();
        List<OutboundMessage> replies = IntStream.rangeClosed(1, 5).mapToObj(n -> reply(visitor, "reply " + n)).toList();
        try (ChatClient chat = connect("web")) {
            chat.hello(visitor, null, 0).await("ready");
            Broker.publishReply(stack.kafkaBootstrapServers(), replies.get(0));
            Broker.publishReply(stack.kafkaBootstrapServers(), replies.get(1));
            chat.await("message", frame -> frame.path("cursor").asLong() == 2);
        }
        replies.subList(2, 5).forEach(reply -> Broker.publishReply(stack.kafkaBootstrapServers(), reply));
        receipts(replies.get(4).id(), 1);

        try (ChatClient back = connect("web")) {
            back.hello(visitor, null, 2);
            back.await("message", frame -> frame.path("cursor").asLong() == 5);
            assertThat(back.await("ready").path("cursor").asLong()).isEqualTo(5);
            assertThat(back.frames("message")).extracting(frame -> frame.path("text").asText())
                    .containsExactly("reply 3", "reply 4", "reply 5");
        }
        rest(visitor).get("/chat/api/web/messages?after=3").then().statusCode(200)
                .body("messages.text", equalTo(List.of("reply 4", "reply 5"))).body("cursor", equalTo(5));
    }

    @Test
    void catchesUpOnAReplyWhoseNotificationWasMissed() {
        String visitor = anonymousId();
        String replyId = UUID.randomUUID().toString();
        try (ChatClient chat = connect("web")) {
            chat.hello(visitor, null, 0).await("ready");

            // as another instance would have stored it, with the notification lost on the way
            QuarkusTransaction.requiringNew().run(() -> {
                entityManager.createNativeQuery("INSERT INTO chat_conversation (inbox, visitor, last_cursor) VALUES ('web', :v, 1)")
                        .setParameter("v", "anonymous:" + visitor).executeUpdate();
                entityManager.createNativeQuery("""
                                INSERT INTO chat_reply (id, inbox, visitor, cursor, text, sent_at)
                                VALUES (:id, 'web', :v, 1, 'stored elsewhere', now())""")
                        .setParameter("id", replyId).setParameter("v", "anonymous:" + visitor).executeUpdate();
            });

            JsonNode pushed = chat.await("message", frame -> replyId.equals(frame.path("id").asText()));
            assertThat(pushed.path("cursor").asLong()).isEqualTo(1);
            assertThat(pushed.path("text").asText()).isEqualTo("stored elsewhere");
        }
    }

    @Test
    void longPollAnswersWhenAReplyArrives() {
        String visitor = anonymousId();
        OutboundMessage reply = reply(visitor, "here I am");
        CompletableFuture.runAsync(() -> Broker.publishReply(stack.kafkaBootstrapServers(), reply),
                CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));
        long started = System.nanoTime();
        rest(visitor).get("/chat/api/web/messages?after=0&wait=20").then().statusCode(200)
                .body("messages[0].id", equalTo(reply.id())).body("cursor", equalTo(1));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(19));
    }

    @Test
    void recognizesASignedVisitorAndShowsTheRoutingServicesExpectedWait() {
        wiremock.stubFor(get(urlPathEqualTo("/routing/api/v1/expected-wait")).withQueryParam("channel", WireMock.equalTo("chat"))
                .withQueryParam("inbox", WireMock.equalTo("web"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"channel\":\"chat\",\"inbox\":\"web\",\"waitingAhead\":3,\"pickupsPerMinute\":1.5,\"expectedWaitSeconds\":120}")));
        String customer = "customer-" + UUID.randomUUID();
        String clientMessageId = UUID.randomUUID().toString();
        try (ChatClient chat = connect("web")) {
            chat.hello(customer, VisitorSignature.sign(SECRET, customer), 0);
            assertThat(chat.await("ready").path("conversationKey").asText()).isEqualTo("chat:web:" + customer);
            JsonNode wait = chat.await("wait");
            assertThat(wait.path("expectedWaitSeconds").asLong()).isEqualTo(120);
            assertThat(wait.path("waitingAhead").asLong()).isEqualTo(3);
            chat.message(clientMessageId, "logged in").await("accepted");
        }
        InboundMessage message = inbound(clientMessageId, 1).get(0);
        assertThat(message.customer().handle()).isEqualTo(customer);
        assertThat(message.metadata()).containsEntry("visitor-signed", "true");
        given().get("/chat/api/web/expected-wait").then().statusCode(200).body("expectedWaitSeconds", equalTo(120));
        // no answer from the routing service for this inbox: nothing about waiting
        given().header(ChatInboundAdapter.VISITOR_HEADER, customer)
                .header(ChatInboundAdapter.SIGNATURE_HEADER, VisitorSignature.sign("test-members-secret", customer))
                .get("/chat/api/web-members/expected-wait").then().statusCode(204);
    }

    @Test
    void refusesBadRestCallsWithProblemsAndPublishesNothing() {
        String visitor = anonymousId();
        String id = UUID.randomUUID().toString();
        String body = "{\"clientMessageId\":\"" + id + "\",\"text\":\"hi\"}";

        rest(visitor).body("{\"clientMessageId\":\"" + id + "\"}").post("/chat/api/web/messages").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("text"));
        rest(visitor).body("{\"clientMessageId\":\"no spaces\",\"text\":\"x\"}").post("/chat/api/web/messages").then()
                .statusCode(400).body("field", equalTo("clientMessageId"));
        rest(visitor).body("{\"clientMessageId\":\"" + id + "\",\"text\":\"x\",\"html\":\"<b>x</b>\"}")
                .post("/chat/api/web/messages").then().statusCode(400).body("field", equalTo("html"));
        given().contentType("application/json").body(body).post("/chat/api/web/messages").then().statusCode(400)
                .body("field", equalTo("visitorId"));
        rest(visitor).body(body).post("/chat/api/nowhere/messages").then().statusCode(404).contentType("application/problem+json");
        rest(visitor).body(body).post("/chat/api/crm/messages").then().statusCode(404);
        rest(visitor).body(body).post("/chat/api/web-members/messages").then().statusCode(401)
                .contentType("application/problem+json");
        rest("customer-1").header(ChatInboundAdapter.SIGNATURE_HEADER, VisitorSignature.sign("wrong", "customer-1")).body(body)
                .post("/chat/api/web/messages").then().statusCode(403).contentType("application/problem+json");
        rest(visitor).header("Origin", "https://evil.test").body(body).post("/chat/api/web/messages").then().statusCode(403)
                .body("detail", containsString("allowed-origins"));
        rest(visitor).body("{\"clientMessageId\":\"" + id + "\",\"text\":\"" + "x".repeat(4001) + "\"}")
                .post("/chat/api/web/messages").then().statusCode(413).body("field", equalTo("text"));
        rest(visitor).body("{\"clientMessageId\":\"" + id + "\",\"text\":\"" + "x".repeat(20_000) + "\"}")
                .post("/chat/api/web/messages").then().statusCode(413).contentType("application/problem+json");
        rest(visitor).get("/chat/api/web/messages?after=yesterday").then().statusCode(400).body("field", equalTo("after"));
        rest(visitor).body("{\"cursor\":0,\"status\":\"read\"}").post("/chat/api/web/acks").then().statusCode(400)
                .body("field", equalTo("cursor"));
        rest(visitor).body("{\"cursor\":1,\"status\":\"seen\"}").post("/chat/api/web/acks").then().statusCode(400)
                .body("field", equalTo("status"));

        try (TopicProbe probe = new TopicProbe(stack.kafkaBootstrapServers(), Topics.INBOUND)) {
            assertThat(probe.poll(Duration.ofSeconds(2)).stream().filter(r -> Broker.contains(r, id))).isEmpty();
        }
    }

    @Test
    void allowsTheInboxesOriginsAcrossSites() {
        given().header("Origin", "https://shop.test").header("Access-Control-Request-Method", "POST")
                .options("/chat/api/web/messages").then().statusCode(204)
                .header("Access-Control-Allow-Origin", "https://shop.test")
                .header("Access-Control-Allow-Headers", containsString(ChatInboundAdapter.VISITOR_HEADER));
        given().header("Origin", "https://evil.test").options("/chat/api/web/messages").then().statusCode(403);
        try (ChatClient chat = ChatClient.connect(socket("web"), "https://shop.test")) {
            chat.hello(anonymousId(), null, 0).await("ready");
        }
        assertHandshakeRefused(() -> ChatClient.connect(socket("web"), "https://evil.test"), 403);
        assertHandshakeRefused(() -> ChatClient.connect(socket("nowhere")), 404);
    }

    @Test
    void refusesBadFramesWithErrorFramesAndKeepsTheSession() {
        String visitor = anonymousId();
        try (ChatClient chat = connect("web")) {
            chat.message("m-early", "before hello");
            assertThat(chat.await("error").path("clientMessageId").asText()).isEqualTo("m-early");
            chat.hello(visitor, null, 0).await("ready");
            chat.send("{\"type\":\"shout\"}");
            chat.send("{\"type\":\"message\",\"clientMessageId\":\"m-long\",\"text\":\"" + "x".repeat(4001) + "\"}");
            chat.send("{\"type\":\"message\",\"clientMessageId\":\"m-big\",\"text\":\"" + "x".repeat(17_000) + "\"}");
            chat.send("{\"type\":\"ack\",\"cursor\":-1,\"status\":\"read\"}");
            chat.send("{not json");

            chat.await("error", frame -> chat.frames("error").size() == 6);
            assertThat(chat.frames("error")).extracting(frame -> frame.path("status").asInt() + " " + frame.path("field").asText())
                    .containsExactly("400 type", "400 type", "413 text", "413 ", "400 cursor", "400 frame");
            assertThat(chat.frames("error").get(2).path("clientMessageId").asText()).isEqualTo("m-long");
            String clientMessageId = UUID.randomUUID().toString();
            chat.message(clientMessageId, "still here").await("accepted");
            assertThat(chat.isClosed()).isFalse();
        }
    }

    @Test
    void closesTheSocketOfAVisitorItCannotIdentify() {
        try (ChatClient chat = connect("web")) {
            chat.hello("customer-1", VisitorSignature.sign("wrong", "customer-1"), 0);
            assertThat(chat.await("error").path("status").asInt()).isEqualTo(403);
            assertThat(chat.awaitClose()).isEqualTo(4403);
        }
        try (ChatClient chat = connect("web-members")) {
            chat.hello(anonymousId(), null, 0);
            assertThat(chat.awaitClose()).isEqualTo(4401);
        }
    }

    @Test
    void refusesAFrameFloodAndClosesTheSocketThatKeepsOn() {
        try (ChatClient chat = connect("web")) {
            chat.hello(anonymousId(), null, 0).await("ready");
            for (int i = 0; i < 200 && !chat.isClosed(); i++) {
                chat.send("{\"type\":\"ack\",\"cursor\":1,\"status\":\"delivered\"}");
            }
            assertThat(chat.await("error").path("status").asInt()).isEqualTo(429);
            assertThat(chat.awaitClose()).isEqualTo(1008);
        }
        String visitor = anonymousId();
        // the burst (adapters.chat.burst=30) passes, then the rate (5/s) holds
        io.restassured.response.Response refused = null;
        int calls = 0;
        while (refused == null && calls < 500) {
            io.restassured.response.Response response = rest(visitor).get("/chat/api/web/messages");
            calls++;
            refused = response.statusCode() == 429 ? response : null;
        }
        assertThat(calls).isGreaterThan(30);
        assertThat(refused).isNotNull();
        refused.then().header("Retry-After", "1").contentType("application/problem+json")
                .body("detail", containsString("messages per second"));
    }

    private ChatClient connect(String inbox) {
        return ChatClient.connect(socket(inbox));
    }

    private URI socket(String inbox) {
        return URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/chat/ws/" + inbox);
    }

    private static RequestSpecification rest(String visitor) {
        return given().contentType("application/json").header(ChatInboundAdapter.VISITOR_HEADER, visitor);
    }

    private static void assertHandshakeRefused(Runnable connect, int status) {
        assertThatThrownBy(connect::run).satisfies(e -> {
            Throwable cause = e;
            while (cause != null && !(cause instanceof WebSocketHandshakeException)) {
                cause = cause.getCause();
            }
            assertThat(cause).as("the handshake's refusal").isInstanceOf(WebSocketHandshakeException.class);
            assertThat(((WebSocketHandshakeException) cause).getResponse().statusCode()).isEqualTo(status);
        });
    }

    private static String anonymousId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static OutboundMessage reply(String visitor, String text) {
        return new OutboundMessage(UUID.randomUUID().toString(), "conversation-" + visitor, Channel.CHAT, "webchat", "web",
                "anonymous:" + visitor, "agent-7", null, text, null, null, null, Instant.now(), null);
    }

    private List<InboundMessage> inbound(String text, int count) {
        try (TopicProbe probe = new TopicProbe(stack.kafkaBootstrapServers(), Topics.INBOUND)) {
            return probe.await(r -> Broker.contains(r, text), count, WAIT).stream()
                    .map(WebChatTest::message).toList();
        }
    }

    private List<DeliveryReceipt> receipts(String replyId, int count) {
        try (TopicProbe probe = new TopicProbe(stack.kafkaBootstrapServers(), Topics.DELIVERY)) {
            List<DeliveryReceipt> found = probe.await(r -> Broker.contains(r, replyId), count, WAIT).stream()
                    .map(Broker::receipt).toList();
            assertThat(found).hasSizeGreaterThanOrEqualTo(count);
            return found;
        }
    }

    private static InboundMessage message(ConsumerRecord<String, byte[]> record) {
        return CloudEventRecords.data(CloudEventRecords.read(record), InboundMessage.class);
    }
}
