package io.omnichannel.gateway.conversation;

import static io.omnichannel.gateway.conversation.ConversationApi.conversation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnichannel.gateway.contract.OutboundMessage;
import io.omnichannel.gateway.conversation.domain.OutboxEvent;
import io.omnichannel.gateway.conversation.repository.OutboxRepository;
import io.omnichannel.gateway.localstack.InjectLocalStack;
import io.omnichannel.gateway.localstack.LocalStack;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reply and its outbox row are committed together; the relay marks the row published only after
 * the broker acknowledged it. With the broker gone between the commit and the publication, the reply
 * waits in the outbox and goes out exactly once when the broker is back. The service itself keeps
 * running here; {@code ReplyCrashIT} kills the packaged service at both crash points of the outbox.
 */
@QuarkusTest
@WithTestResource(value = ConversationStack.class, initArgs = @ResourceArg(name = "databases", value = "conversation"))
class ReplyCrashSafetyTest {

    @InjectLocalStack
    LocalStack stack;

    @Inject
    OutboxRepository outbox;

    @Test
    void aReplyCommittedWhileTheBrokerIsDownIsPublishedExactlyOnceWhenItIsBack() {
        Desk ana = Desk.newAgent(Desk.newTeam());
        String id;
        try (GatewayEvents events = new GatewayEvents(stack.kafkaBootstrapServers())) {
            id = ana.assignedConversation(events);
        }

        String messageId;
        stack.stopKafka();
        try {
            messageId = ana.request().contentType(ContentType.JSON).body(Map.of("text", "sent while the broker is away"))
                    .post("/api/v1/conversations/{id}/messages", id).then().statusCode(202).extract().path("messageId");
            // committed and visible, but not published: the relay's attempts fail without the broker's acknowledgement
            assertThat(conversation(id).getList("messages.id")).contains(messageId);
            assertThat(outboxRow(messageId).publishedAt()).isNull();
        } finally {
            stack.startKafka();
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> outboxRow(messageId).publishedAt() != null);
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> records =
                Desk.outbound(stack.kafkaBootstrapServers(), messageId, 2);
        assertThat(records).hasSize(1);
        assertThat(Desk.data(records.get(0), OutboundMessage.class).text()).isEqualTo("sent while the broker is away");
    }

    private OutboxEvent outboxRow(String messageId) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.findByEventId(messageId).get(0));
    }
}
