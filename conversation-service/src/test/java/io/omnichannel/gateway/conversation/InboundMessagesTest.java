package io.omnichannel.gateway.conversation;

import static io.omnichannel.gateway.conversation.ConversationApi.assertOneConversationOf;
import static io.omnichannel.gateway.conversation.ConversationApi.awaitConversation;
import static io.omnichannel.gateway.conversation.ConversationApi.awaitConversationOf;
import static io.omnichannel.gateway.conversation.GatewayEvents.chatMessage;
import static io.omnichannel.gateway.conversation.GatewayEvents.keyOf;
import static io.omnichannel.gateway.conversation.GatewayEvents.newHandle;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.gateway.contract.Attachment;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.CustomerRef;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.localstack.InjectLocalStack;
import io.omnichannel.gateway.localstack.LocalStack;
import io.omnichannel.gateway.localstack.LocalStackResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = ConversationStack.class, initArgs = @ResourceArg(name = "databases", value = "conversation"))
class InboundMessagesTest {

    @InjectLocalStack
    LocalStack stack;

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
    void opensAConversationForTheFirstMessageOfANewCustomer() {
        String handle = newHandle();
        Instant receivedAt = Instant.parse("2026-11-23T10:00:00.123Z");
        InboundMessage message = new InboundMessage(UUID.randomUUID().toString(), Channel.CHAT, "webchat",
                GatewayEvents.INBOX, "ext-1", null, new CustomerRef(handle, "Grace Hopper"), receivedAt.minusSeconds(2),
                receivedAt, null, "My order has not arrived — سلام", null,
                List.of(new Attachment("receipt.pdf", "application/pdf", 2048L, "https://files.test/receipt.pdf")),
                "en", Map.of());

        events.publish(message);

        String id = awaitConversationOf(keyOf(handle));
        JsonPath conversation = awaitConversation(id, json -> json.getList("messages").size() == 1);
        assertThat(conversation.getString("channel")).isEqualTo("chat");
        assertThat(conversation.getString("inbox")).isEqualTo(GatewayEvents.INBOX);
        assertThat(conversation.getString("status")).isEqualTo("open");
        assertThat(conversation.getString("customer.handle")).isEqualTo(handle);
        assertThat(conversation.getString("customer.displayName")).isEqualTo("Grace Hopper");
        assertThat(conversation.getString("customer.id")).isNotBlank();
        assertThat(conversation.getString("assigneeAgentId")).isNull();
        assertThat(conversation.getString("createdAt")).isNotBlank();
        assertThat(Instant.parse(conversation.getString("lastMessageAt"))).isEqualTo(receivedAt);

        assertThat(conversation.getString("messages[0].id")).isEqualTo(message.id());
        assertThat(conversation.getString("messages[0].direction")).isEqualTo("inbound");
        assertThat(conversation.getString("messages[0].text")).isEqualTo("My order has not arrived — سلام");
        assertThat(conversation.getString("messages[0].provider")).isEqualTo("webchat");
        assertThat(conversation.getString("messages[0].externalId")).isEqualTo("ext-1");
        assertThat(Instant.parse(conversation.getString("messages[0].receivedAt"))).isEqualTo(receivedAt);
        assertThat(Instant.parse(conversation.getString("messages[0].sentAt"))).isEqualTo(receivedAt.minusSeconds(2));
        assertThat(conversation.getString("messages[0].attachments[0].name")).isEqualTo("receipt.pdf");
        assertThat(conversation.getLong("messages[0].attachments[0].size")).isEqualTo(2048L);
        assertThat(conversation.getString("messages[0].attachments[0].ref")).isEqualTo("https://files.test/receipt.pdf");
    }

    @Test
    void aFurtherMessageOfTheSameCustomerJoinsTheirOpenConversation() {
        String handle = newHandle();
        Instant first = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        InboundMessage hello = chatMessage(handle, "hello", first);
        InboundMessage followUp = chatMessage(handle, "anyone there?", first.plusSeconds(30));

        events.publish(hello);
        String id = awaitConversationOf(keyOf(handle));
        events.publish(followUp);

        JsonPath conversation = awaitConversation(id, json -> json.getList("messages").size() == 2);
        assertThat(conversation.getList("messages.id")).containsExactly(hello.id(), followUp.id());
        assertThat(Instant.parse(conversation.getString("lastMessageAt"))).isEqualTo(followUp.receivedAt());
        assertOneConversationOf(keyOf(handle));
    }

    @Test
    void storesARedeliveredMessageOnce() {
        String handle = newHandle();
        Instant first = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        InboundMessage message = chatMessage(handle, "only once", first);
        InboundMessage later = chatMessage(handle, "after the redeliveries", first.plusSeconds(1));

        events.publish(message);
        events.publish(message);
        // the same message in an event with another id, as a second adapter instance would publish it
        events.publish(message, UUID.randomUUID().toString());
        // same key, same partition: once this one is stored, the copies before it have been consumed
        events.publish(later);

        String id = awaitConversationOf(keyOf(handle));
        JsonPath conversation = awaitConversation(id, json -> json.getList("messages.id").contains(later.id()));
        assertThat(conversation.getList("messages.id")).containsExactly(message.id(), later.id());
    }
}
