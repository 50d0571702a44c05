package io.omnichannel.gateway.conversation;

import static io.omnichannel.gateway.conversation.ConversationApi.awaitConversation;
import static io.omnichannel.gateway.conversation.ConversationApi.awaitConversationOf;
import static io.omnichannel.gateway.conversation.ConversationApi.CONSUMED_WITHIN;
import static io.omnichannel.gateway.conversation.GatewayEvents.assigned;
import static io.omnichannel.gateway.conversation.GatewayEvents.chatMessage;
import static io.omnichannel.gateway.conversation.GatewayEvents.keyOf;
import static io.omnichannel.gateway.conversation.GatewayEvents.newHandle;

import io.omnichannel.gateway.contract.CloudEventRecords;
import io.omnichannel.gateway.contract.Topics;
import io.omnichannel.gateway.localstack.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** An agent at their desk: a token, and conversations routing assigned to them. */
record Desk(String agentId, String team, String token) {

    static Desk newAgent(String team) {
        String agent = "agent-" + UUID.randomUUID();
        Desk desk = new Desk(agent, team, Tokens.agent(agent, team));
        // the desktop's first call makes the agent's team known
        Tokens.as(desk.token()).get("/api/v1/me").then().statusCode(200);
        return desk;
    }

    static String newTeam() {
        return "team-" + UUID.randomUUID();
    }

    /** A new customer's chat conversation, assigned to this agent; returns its id. */
    String assignedConversation(GatewayEvents events) {
        return assignedConversation(events, newHandle());
    }

    String assignedConversation(GatewayEvents events, String handle) {
        events.publish(chatMessage(handle, "Hello, where is my parcel?"));
        events.publish(assigned(handle, agentId, Instant.now().plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS)));
        String id = awaitConversationOf(keyOf(handle));
        awaitConversation(id, json -> agentId.equals(json.getString("assigneeAgentId"))
                && json.getList("messages").size() == 1);
        return id;
    }

    io.restassured.specification.RequestSpecification request() {
        return Tokens.as(token);
    }

    /** The records on gateway.outbound.v1 whose CloudEvent id is {@code messageId}, once {@code count} arrived. */
    static List<ConsumerRecord<String, byte[]>> outbound(String bootstrapServers, String messageId, int count) {
        try (TopicProbe probe = new TopicProbe(bootstrapServers, Topics.OUTBOUND)) {
            return probe.await(r -> messageId.equals(header(r, "ce_id")), count, CONSUMED_WITHIN);
        }
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static <T> T data(ConsumerRecord<String, byte[]> record, Class<T> type) {
        return CloudEventRecords.data(CloudEventRecords.read(record), type);
    }
}
