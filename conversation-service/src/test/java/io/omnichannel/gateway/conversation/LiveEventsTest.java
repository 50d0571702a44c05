package io.omnichannel.gateway.conversation;

import static io.omnichannel.gateway.conversation.ConversationApi.CONSUMED_WITHIN;
import static io.omnichannel.gateway.conversation.ConversationApi.conversation;
import static io.omnichannel.gateway.conversation.GatewayEvents.chatMessage;
import static io.omnichannel.gateway.conversation.GatewayEvents.newHandle;
import static io.omnichannel.gateway.conversation.GatewayEvents.routing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.DeliveryReceipt;
import io.omnichannel.gateway.contract.DeliveryStatus;
import io.omnichannel.gateway.contract.EventTypes;
import io.omnichannel.gateway.contract.Topics;
import io.omnichannel.gateway.localstack.InjectLocalStack;
import io.omnichannel.gateway.localstack.LocalStack;
import io.omnichannel.gateway.localstack.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = ConversationStack.class, initArgs = @ResourceArg(name = "databases", value = "conversation"))
class LiveEventsTest {

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
    void streamsAssignmentsCustomerMessagesDeliveriesAndSlaEventsOfMyConversations() {
        Desk ana = Desk.newAgent(Desk.newTeam());
        try (LiveStream stream = LiveStream.open(ana.token())) {
            await().atMost(CONSUMED_WITHIN).until(stream::connected);
            String handle = newHandle();
            String id = ana.assignedConversation(events, handle);
            String key = conversation(id).getString("conversationKey");

            events.publish(chatMessage(handle, "still waiting..."));
            events.publish(routing(io.omnichannel.gateway.contract.RoutingEventType.SLA_WARNING, key, ana.agentId(),
                    Instant.now().plus(2, ChronoUnit.MINUTES)));
            String reply = ana.request().contentType(ContentType.JSON).body(Map.of("text", "here I am"))
                    .post("/api/v1/conversations/{id}/messages", id).then().statusCode(202).extract().path("messageId");
            events.publish(new DeliveryReceipt(reply, key, Channel.CHAT, "webchat", "wc-9", DeliveryStatus.DELIVERED, null,
                    Instant.now()));

            await().atMost(CONSUMED_WITHIN).until(() -> !stream.frames("delivery").isEmpty());
            List<String> types = stream.frames().stream().map(LiveStream.Frame::event).toList();
            assertThat(types).containsSubsequence("connected", "assignment", "message", "sla-warning", "delivery");
            JsonPath assignment = new JsonPath(stream.frames("assignment").get(0).data());
            assertThat(assignment.getString("conversationId")).isEqualTo(id);
            assertThat(assignment.getString("assigneeAgentId")).isEqualTo(ana.agentId());
            assertThat(new JsonPath(stream.frames("message").get(stream.frames("message").size() - 1).data())
                    .getString("preview")).isEqualTo("still waiting...");
            JsonPath delivery = new JsonPath(stream.frames("delivery").get(0).data());
            assertThat(delivery.getString("messageId")).isEqualTo(reply);
            assertThat(delivery.getString("deliveryStatus")).isEqualTo("delivered");
            List<Long> ids = stream.frames().stream().filter(f -> f.id() != null).map(f -> Long.parseLong(f.id())).toList();
            assertThat(ids).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void aBreachedTargetReachesTheAssigneeOnceAsSlaBreached() {
        Desk ana = Desk.newAgent(Desk.newTeam());
        try (LiveStream stream = LiveStream.open(ana.token())) {
            await().atMost(CONSUMED_WITHIN).until(stream::connected);
            String id = ana.assignedConversation(events);
            String key = conversation(id).getString("conversationKey");
            Instant due = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS);

            events.publish(routing(io.omnichannel.gateway.contract.RoutingEventType.SLA_BREACHED, key, ana.agentId(), due));
            // routing repeats itself after a restart: the desktop is told once
            events.publish(routing(io.omnichannel.gateway.contract.RoutingEventType.SLA_BREACHED, key, ana.agentId(), due));
            // then a supervisor takes it over: routing's events of one conversation arrive in order
            events.publish(routing(io.omnichannel.gateway.contract.RoutingEventType.ASSIGNED, key, "supervisor-1", due));

            await().atMost(CONSUMED_WITHIN).until(() -> !stream.frames("unassigned").isEmpty());
            assertThat(stream.frames("sla-breached")).hasSize(1);
            JsonPath breached = new JsonPath(stream.frames("sla-breached").get(0).data());
            assertThat(breached.getString("type")).isEqualTo("sla-breached");
            assertThat(breached.getString("conversationId")).isEqualTo(id);
            assertThat(Instant.parse(breached.getString("dueAt"))).isEqualTo(due);
            assertThat(conversation(id).getString("slaState")).isEqualTo("breached");
            assertThat(ConversationApi.timeline(id).getList("items.event.kind").stream()
                    .filter("sla-breached"::equals).count()).isEqualTo(1);
        }
    }

    @Test
    void aDesktopThatReconnectsWithLastEventIdGetsWhatItMissedInOrder() {
        Desk ana = Desk.newAgent(Desk.newTeam());
        String lastSeen;
        try (LiveStream stream = LiveStream.open(ana.token())) {
            await().atMost(CONSUMED_WITHIN).until(stream::connected);
            ana.assignedConversation(events);
            await().atMost(CONSUMED_WITHIN).until(() -> !stream.frames("assignment").isEmpty());
            lastSeen = stream.frames("assignment").get(0).id();
        }

        // while the desktop is away: two more assignments and a customer message
        String second = newHandle();
        String secondId = ana.assignedConversation(events, second);
        String thirdId = ana.assignedConversation(events);
        events.publish(chatMessage(second, "hello again"));
        await().atMost(CONSUMED_WITHIN).until(() -> conversation(secondId).getList("messages").size() == 2);

        try (LiveStream resumed = LiveStream.resume(ana.token(), lastSeen)) {
            await().atMost(CONSUMED_WITHIN).until(() -> resumed.frames("message").stream()
                    .anyMatch(f -> f.data().contains("hello again")));
            List<LiveStream.Frame> missed = resumed.frames().stream().filter(f -> f.id() != null).toList();
            assertThat(missed.get(0).id()).isEqualTo(String.valueOf(Long.parseLong(lastSeen) + 1));
            assertThat(missed.stream().map(LiveStream.Frame::event).toList())
                    .containsSubsequence("assignment", "assignment", "message");
            assertThat(missed.stream().filter(f -> f.event().equals("assignment"))
                    .map(f -> new JsonPath(f.data()).getString("conversationId")).toList())
                    .containsExactly(secondId, thirdId);
            assertThat(missed.stream().map(f -> Long.parseLong(f.id())).toList()).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void aTransferReachesTheNewAgentAsATransferAndThePreviousOneAsUnassigned() {
        Desk ana = Desk.newAgent(Desk.newTeam());
        Desk bob = Desk.newAgent(ana.team());
        String id = ana.assignedConversation(events);
        String key = conversation(id).getString("conversationKey");
        try (LiveStream anas = LiveStream.open(ana.token()); LiveStream bobs = LiveStream.open(bob.token())) {
            await().atMost(CONSUMED_WITHIN).until(() -> anas.connected() && bobs.connected());

            events.publish(routing(io.omnichannel.gateway.contract.RoutingEventType.ASSIGNED, key, bob.agentId(), null));

            await().atMost(CONSUMED_WITHIN).until(() -> !bobs.frames("transfer").isEmpty() && !anas.frames("unassigned").isEmpty());
            assertThat(new JsonPath(bobs.frames("transfer").get(0).data()).getString("reason")).isEqualTo("from " + ana.agentId());
        }
    }

    @Test
    void thePresenceSetOnTheDesktopReachesTheRoutingServiceAsAnAgentStateEvent() {
        Desk ana = Desk.newAgent(Desk.newTeam());

        ana.request().contentType(ContentType.JSON).body(Map.of("presence", "ONLINE")).put("/api/v1/me/presence")
                .then().statusCode(202);
        ana.request().contentType(ContentType.JSON).body(Map.of("presence", "BUSY")).put("/api/v1/me/presence")
                .then().statusCode(400).contentType("application/problem+json");

        try (TopicProbe agents = new TopicProbe(stack.kafkaBootstrapServers(), Topics.AGENTS)) {
            List<ConsumerRecord<String, byte[]>> records = agents.await(r -> ana.agentId().equals(r.key()), 1, CONSUMED_WITHIN);
            assertThat(records).hasSize(1);
            assertThat(Desk.header(records.get(0), "ce_type")).isEqualTo(EventTypes.AGENT_STATE);
            JsonPath state = new JsonPath(new String(records.get(0).value(), StandardCharsets.UTF_8));
            assertThat(state.getString("agentId")).isEqualTo(ana.agentId());
            assertThat(state.getString("presence")).isEqualTo("ONLINE");
            assertThat(state.getString("occurredAt")).isNotNull();
        }
    }
}
