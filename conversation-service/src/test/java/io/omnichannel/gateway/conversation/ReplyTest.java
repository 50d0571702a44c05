package io.omnichannel.gateway.conversation;

import static io.omnichannel.gateway.conversation.ConversationApi.CONSUMED_WITHIN;
import static io.omnichannel.gateway.conversation.ConversationApi.awaitConversation;
import static io.omnichannel.gateway.conversation.ConversationApi.awaitConversationOf;
import static io.omnichannel.gateway.conversation.ConversationApi.conversation;
import static io.omnichannel.gateway.conversation.GatewayEvents.message;
import static io.omnichannel.gateway.conversation.GatewayEvents.routing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.ConversationKey;
import io.omnichannel.gateway.contract.DeliveryReceipt;
import io.omnichannel.gateway.contract.DeliveryStatus;
import io.omnichannel.gateway.contract.EventTypes;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.contract.OutboundMessage;
import io.omnichannel.gateway.contract.RoutingEventType;
import io.omnichannel.gateway.localstack.InjectLocalStack;
import io.omnichannel.gateway.localstack.LocalStack;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = ConversationStack.class, initArgs = @ResourceArg(name = "databases", value = "conversation"))
class ReplyTest {

    @InjectLocalStack
    LocalStack stack;

    @InjectRoutingService
    WireMockServer routing;

    private GatewayEvents events;

    @BeforeEach
    void connect() {
        events = new GatewayEvents(stack.kafkaBootstrapServers());
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    @Test
    void aReplyIsAcceptedStoredAndPublishedForTheChannelAdapter() {
        Desk ana = Desk.newAgent(Desk.newTeam());
        String id = ana.assignedConversation(events);

        JsonPath accepted = ana.request().contentType(ContentType.JSON)
                .body(Map.of("text", "Your parcel ships today — 你好"))
                .post("/api/v1/conversations/{id}/messages", id)
                .then().statusCode(202).header("Location", containsString("/api/v1/conversations/" + id))
                .body("deliveryStatus", equalTo("queued"), "repeated", equalTo(false), "channel", equalTo("chat"))
                .extract().jsonPath();
        String messageId = accepted.getString("messageId");

        List<ConsumerRecord<String, byte[]>> records = Desk.outbound(stack.kafkaBootstrapServers(), messageId, 1);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.get(0);
        assertThat(Desk.header(record, "ce_type")).isEqualTo(EventTypes.OUTBOUND_MESSAGE);
        OutboundMessage reply = Desk.data(record, OutboundMessage.class);
        JsonPath detail = conversation(id);
        assertThat(record.key()).isEqualTo(detail.getString("conversationKey"));
        assertThat(reply.id()).isEqualTo(messageId);
        assertThat(reply.conversationId()).isEqualTo(id);
        assertThat(reply.channel()).isEqualTo(Channel.CHAT);
        assertThat(reply.provider()).isEqualTo("webchat");
        assertThat(reply.inbox()).isEqualTo(GatewayEvents.INBOX);
        assertThat(reply.to()).isEqualTo(detail.getString("customer.handle"));
        assertThat(reply.agentId()).isEqualTo(ana.agentId());
        assertThat(reply.text()).isEqualTo("Your parcel ships today — 你好");
        assertThat(reply.inReplyTo()).isEqualTo(detail.getString("messages[0].externalId"));

        assertThat(detail.getList("messages.id")).containsExactly(detail.getString("messages[0].id"), messageId);
        assertThat(detail.getString("messages[1].direction")).isEqualTo("outbound");
        assertThat(detail.getString("messages[1].agentId")).isEqualTo(ana.agentId());
        assertThat(detail.getString("status")).isEqualTo("pending");
        assertThat(detail.getString("slaState")).isEqualTo("met");
        assertThat(detail.getString("firstResponseAt")).isNotNull();
        assertThat(detail.getLong("firstResponseSeconds")).isNotNegative();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyIsTheSameReply() {
        Desk ana = Desk.newAgent(Desk.newTeam());
        String id = ana.assignedConversation(events);
        String key = UUID.randomUUID().toString();

        String first = ana.request().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("text", "only once")).post("/api/v1/conversations/{id}/messages", id)
                .then().statusCode(202).extract().path("messageId");
        String second = ana.request().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("text", "only once")).post("/api/v1/conversations/{id}/messages", id)
                .then().statusCode(202).body("repeated", equalTo(true)).extract().path("messageId");
        // a later reply on the same conversation (same partition) shows the relay went past the first
        String later = ana.request().contentType(ContentType.JSON)
                .body(Map.of("text", "something else")).post("/api/v1/conversations/{id}/messages", id)
                .then().statusCode(202).extract().path("messageId");

        assertThat(second).isEqualTo(first);
        assertThat(Desk.outbound(stack.kafkaBootstrapServers(), later, 1)).hasSize(1);
        assertThat(Desk.outbound(stack.kafkaBootstrapServers(), first, 2)).hasSize(1);
        assertThat(conversation(id).getList("messages.id")).containsOnlyOnce(first);
    }

    @Test
    void deliveryReceiptsMoveTheReplysStatusForwardOnly() {
        Desk ana = Desk.newAgent(Desk.newTeam());
        String id = ana.assignedConversation(events);
        String messageId = ana.request().contentType(ContentType.JSON).body(Map.of("text", "on its way"))
                .post("/api/v1/conversations/{id}/messages", id).then().statusCode(202).extract().path("messageId");
        String key = conversation(id).getString("conversationKey");

        events.publish(new DeliveryReceipt(messageId, key, Channel.CHAT, "webchat", "wc-1", DeliveryStatus.DELIVERED, null,
                Instant.now()));
        awaitConversation(id, json -> "delivered".equals(json.getString("messages[1].deliveryStatus")));
        // a late "sent" does not undo "delivered"; a failure afterwards is recorded with its reason
        events.publish(new DeliveryReceipt(messageId, key, Channel.CHAT, "webchat", "wc-1", DeliveryStatus.SENT, null,
                Instant.now()));
        events.publish(new DeliveryReceipt(messageId, key, Channel.CHAT, "webchat", "wc-1", DeliveryStatus.FAILED,
                "the visitor left the chat", Instant.now()));

        JsonPath detail = awaitConversation(id, json -> "failed".equals(json.getString("messages[1].deliveryStatus")));
        assertThat(detail.getString("messages[1].deliveryReason")).isEqualTo("the visitor left the chat");
        assertThat(detail.getString("messages[1].externalId")).isEqualTo("wc-1");
    }

    @Test
    void aPhoneConversationIsAnsweredBySmsFromTheNumberTheCustomerCalled() {
        String caller = "+1415555" + String.format("%04d", (int) (Math.random() * 10_000));
        InboundMessage call = message(Channel.PHONE, "twilio", "+15550009999", caller, "(transcript) my parcel...", Map.of());
        events.publish(call);
        String id = awaitConversationOf(call.conversationKey());
        awaitConversation(id, json -> json.getList("messages").size() == 1);

        String messageId = Tokens.asSupervisor().contentType(ContentType.JSON).body(Map.of("text", "We called you back"))
                .post("/api/v1/conversations/{id}/messages", id).then().statusCode(202)
                .body("channel", equalTo("sms"), "to", equalTo(caller)).extract().path("messageId");

        OutboundMessage reply = Desk.data(Desk.outbound(stack.kafkaBootstrapServers(), messageId, 1).get(0), OutboundMessage.class);
        assertThat(reply.channel()).isEqualTo(Channel.SMS);
        assertThat(reply.inbox()).isEqualTo("+15550009999");
        assertThat(reply.provider()).isEqualTo("twilio");
        assertThat(reply.conversationKey()).isEqualTo(ConversationKey.of(Channel.SMS, "+15550009999", caller));
    }

    @Test
    void aReplyOnAnotherChannelNeedsAnIdentityOnIt() {
        Desk ana = Desk.newAgent(Desk.newTeam());
        String id = ana.assignedConversation(events);

        ana.request().contentType(ContentType.JSON).body(Map.of("text", "by mail?", "channel", "email"))
                .post("/api/v1/conversations/{id}/messages", id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("no identity that wrote to us on email"));
        ana.request().contentType(ContentType.JSON).body(Map.of("text", "by fax?", "channel", "fax"))
                .post("/api/v1/conversations/{id}/messages", id)
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("channel"));
    }

    @Test
    void anEmptyReplyIsRejectedNamingTheField() {
        Desk ana = Desk.newAgent(Desk.newTeam());
        String id = ana.assignedConversation(events);

        ana.request().contentType(ContentType.JSON).body(Map.of("text", "  "))
                .post("/api/v1/conversations/{id}/messages", id)
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("text"));
        ana.request().contentType(ContentType.JSON).body("{not json")
                .post("/api/v1/conversations/{id}/messages", id)
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aResolvedConversationTakesNoReplyUntilReopened() {
        Desk ana = Desk.newAgent(Desk.newTeam());
        String id = ana.assignedConversation(events);
        routing.stubFor(WireMock.post(WireMock.urlPathMatching("/api/v1/conversations/.*/resolve"))
                .willReturn(WireMock.aResponse().withStatus(204)));
        ana.request().post("/api/v1/conversations/{id}/resolve", id).then().statusCode(200).body("status", equalTo("resolved"));

        ana.request().contentType(ContentType.JSON).body(Map.of("text", "one more thing"))
                .post("/api/v1/conversations/{id}/messages", id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("reopen it"));

        ana.request().post("/api/v1/conversations/{id}/reopen", id).then().statusCode(200).body("status", equalTo("open"));
        ana.request().contentType(ContentType.JSON).body(Map.of("text", "one more thing"))
                .post("/api/v1/conversations/{id}/messages", id).then().statusCode(202);
    }

    @Test
    void theSlaStaysBreachedWhenTheReplyComesLate() {
        Desk ana = Desk.newAgent(Desk.newTeam());
        String id = ana.assignedConversation(events);
        String key = conversation(id).getString("conversationKey");
        events.publish(routing(RoutingEventType.SLA_BREACHED, key, ana.agentId(), Instant.now().minus(1, ChronoUnit.MINUTES)));
        awaitConversation(id, json -> "breached".equals(json.getString("slaState")));

        ana.request().contentType(ContentType.JSON).body(Map.of("text", "sorry for the wait"))
                .post("/api/v1/conversations/{id}/messages", id).then().statusCode(202);

        await().atMost(CONSUMED_WITHIN).untilAsserted(() ->
                assertThat(conversation(id).getString("slaState")).isEqualTo("breached"));
    }
}
