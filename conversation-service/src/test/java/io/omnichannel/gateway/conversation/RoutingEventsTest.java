package io.omnichannel.gateway.conversation;

import static io.omnichannel.gateway.conversation.ConversationApi.assertOneConversationOf;
import static io.omnichannel.gateway.conversation.ConversationApi.awaitConversation;
import static io.omnichannel.gateway.conversation.ConversationApi.awaitConversationOf;
import static io.omnichannel.gateway.conversation.ConversationApi.conversation;
import static io.omnichannel.gateway.conversation.GatewayEvents.assigned;
import static io.omnichannel.gateway.conversation.GatewayEvents.chatMessage;
import static io.omnichannel.gateway.conversation.GatewayEvents.keyOf;
import static io.omnichannel.gateway.conversation.GatewayEvents.newHandle;
import static io.omnichannel.gateway.conversation.Tokens.asSupervisor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.contract.RoutingEvent;
import io.omnichannel.gateway.contract.RoutingEventType;
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
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = ConversationStack.class, initArgs = @ResourceArg(name = "databases", value = "conversation"))
class RoutingEventsTest {

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
    void anAssignedConversationIsInTheAgentsOpenList() {
        String handle = newHandle();
        String agent = "agent-" + UUID.randomUUID();
        Instant due = Instant.now().plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        events.publish(chatMessage(handle, "can someone help?"));
        String id = awaitConversationOf(keyOf(handle));

        events.publish(assigned(handle, agent, due));

        JsonPath conversation = awaitConversation(id, json -> agent.equals(json.getString("assigneeAgentId")));
        assertThat(Instant.parse(conversation.getString("dueAt"))).isEqualTo(due);
        JsonPath openList = asSupervisor().queryParam("assignee", agent).queryParam("status", "open")
                .get("/api/v1/conversations").then().statusCode(200).extract().jsonPath();
        assertThat(openList.getList("items.id")).containsExactly(id);
        assertThat(openList.getString("items[0].customer.handle")).isEqualTo(handle);
        assertThat(openList.getString("nextCursor")).isNull();
        asSupervisor().queryParam("assignee", agent).queryParam("status", "resolved")
                .get("/api/v1/conversations").then().statusCode(200).body("items", empty());
    }

    @Test
    void anAssignmentThatOvertakesTheMessageOpensTheConversationTheMessageThenJoins() {
        String handle = newHandle();
        String agent = "agent-" + UUID.randomUUID();
        Instant due = Instant.now().plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        InboundMessage message = chatMessage(handle, "first words");

        events.publish(assigned(handle, agent, due));
        String id = awaitConversationOf(keyOf(handle));
        JsonPath beforeTheMessage = conversation(id);
        assertThat(beforeTheMessage.getString("assigneeAgentId")).isEqualTo(agent);
        assertThat(beforeTheMessage.getList("messages")).isEmpty();
        // the routing event knew only the handle; the message brings the name
        assertThat(beforeTheMessage.getString("customer.displayName")).isNull();

        events.publish(message);

        JsonPath conversation = awaitConversation(id, json -> json.getList("messages").size() == 1);
        assertThat(conversation.getString("messages[0].id")).isEqualTo(message.id());
        assertThat(conversation.getString("assigneeAgentId")).isEqualTo(agent);
        assertThat(Instant.parse(conversation.getString("dueAt"))).isEqualTo(due);
        assertThat(conversation.getString("customer.handle")).isEqualTo(handle);
        assertThat(conversation.getString("customer.displayName")).isEqualTo("Ada Lovelace");
        assertOneConversationOf(keyOf(handle));
    }

    @Test
    void aMessageAndAnAssignmentConsumedAtTheSameTimeOpenOneConversation() {
        String agent = "agent-" + UUID.randomUUID();
        Instant due = Instant.now().plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        List<String> handles = IntStream.range(0, 10).mapToObj(i -> newHandle()).toList();
        for (String handle : handles) {
            events.publish(chatMessage(handle, "racing"));
            events.publish(assigned(handle, agent, due));
        }

        for (String handle : handles) {
            String id = awaitConversationOf(keyOf(handle));
            awaitConversation(id, json -> json.getList("messages").size() == 1 && agent.equals(json.getString("assigneeAgentId")));
            assertOneConversationOf(keyOf(handle));
        }
    }

    @Test
    void aReleaseClearsTheAssigneeAndAQueuedEventMovesTheDueTime() {
        String handle = newHandle();
        String agent = "agent-" + UUID.randomUUID();
        Instant due = Instant.now().plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        Instant requeuedDue = due.plus(5, ChronoUnit.MINUTES);
        events.publish(chatMessage(handle, "hello"));
        events.publish(assigned(handle, agent, due));
        String id = awaitConversationOf(keyOf(handle));
        awaitConversation(id, json -> agent.equals(json.getString("assigneeAgentId")));

        events.publish(routing(RoutingEventType.RELEASED, handle, agent, null));
        events.publish(routing(RoutingEventType.QUEUED, handle, null, requeuedDue));

        JsonPath conversation = awaitConversation(id, json -> json.getString("assigneeAgentId") == null
                && requeuedDue.equals(instant(json, "dueAt")));
        assertThat(conversation.getString("status")).isEqualTo("open");
        asSupervisor().queryParam("assignee", agent).get("/api/v1/conversations").then().statusCode(200).body("items", empty());
    }

    private static Instant instant(JsonPath json, String path) {
        String value = json.getString(path);
        return value == null ? null : Instant.parse(value);
    }

    private static RoutingEvent routing(RoutingEventType type, String handle, String agent, Instant due) {
        return new RoutingEvent(type, keyOf(handle), "work-" + UUID.randomUUID(), null, Channel.CHAT,
                GatewayEvents.INBOX, agent, due, Instant.now());
    }
}
