package io.omnichannel.gateway.conversation;

import static io.omnichannel.gateway.conversation.GatewayEvents.assigned;
import static io.omnichannel.gateway.conversation.GatewayEvents.chatMessage;
import static io.omnichannel.gateway.conversation.GatewayEvents.newHandle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.DeliveryReceipt;
import io.omnichannel.gateway.contract.DeliveryStatus;
import io.omnichannel.gateway.contract.Topics;
import io.omnichannel.gateway.conversation.client.ApiClient;
import io.omnichannel.gateway.conversation.client.ApiException;
import io.omnichannel.gateway.conversation.client.api.ActionsApi;
import io.omnichannel.gateway.conversation.client.api.ConversationsApi;
import io.omnichannel.gateway.conversation.client.api.CustomersApi;
import io.omnichannel.gateway.conversation.client.api.MeApi;
import io.omnichannel.gateway.conversation.client.model.AgentState;
import io.omnichannel.gateway.conversation.client.model.Conversation;
import io.omnichannel.gateway.conversation.client.model.ConversationList;
import io.omnichannel.gateway.conversation.client.model.ConversationSummary;
import io.omnichannel.gateway.conversation.client.model.Customer;
import io.omnichannel.gateway.conversation.client.model.CustomerConversation;
import io.omnichannel.gateway.conversation.client.model.Me;
import io.omnichannel.gateway.conversation.client.model.PresenceRequest;
import io.omnichannel.gateway.conversation.client.model.ReplyAccepted;
import io.omnichannel.gateway.conversation.client.model.ReplyRequest;
import io.omnichannel.gateway.conversation.client.model.Timeline;
import io.omnichannel.gateway.conversation.client.model.TimelineEntry;
import io.omnichannel.gateway.localstack.InjectLocalStack;
import io.omnichannel.gateway.localstack.LocalStack;
import io.omnichannel.gateway.localstack.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The README's 10-minute tour, run against the packaged service (production profile) with a client
 * generated at build time from the service's own OpenAPI document: if the description and the API
 * drift apart, this does not compile or fails. The routing service and the channel adapter are not
 * running: their events (the assignment, the delivery receipt) are published on Kafka as they would
 * publish them, and the presence the desktop sets is read back from {@code gateway.agents.v1}.
 */
@QuarkusIntegrationTest
@WithTestResource(value = ConversationStack.class, initArgs = @ResourceArg(name = "databases", value = "conversation"))
class DesktopTourIT {

    private static final Duration WITHIN = Duration.ofSeconds(60);

    @InjectLocalStack
    LocalStack stack;

    @Test
    void getATokenListMyQueueOpenAConversationReplyAndWatchTheEventStream() throws Exception {
        // 1. a token, signed with the local key the service trusts
        String agent = "ana-" + UUID.randomUUID();
        PrivateKey key = KeyUtils.decodePrivateKey(Files.readString(Path.of("dev-keys", "private.pem")));
        String token = Jwt.issuer("omnichannel-gateway").upn(agent).groups(Set.of("agent")).claim("team", "support")
                .expiresIn(Duration.ofHours(8)).sign(key);
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + RestAssured.port);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        MeApi me = new MeApi(client);
        ConversationsApi conversations = new ConversationsApi(client);
        ActionsApi actions = new ActionsApi(client);
        CustomersApi customers = new CustomersApi(client);

        Me who = me.me();
        assertThat(who.getAgentId()).isEqualTo(agent);
        assertThat(who.getTeams()).containsExactly("support");

        // 2. online: the presence reaches the routing service as an agent-state event
        AgentState online = me.setPresence(new PresenceRequest().presence(PresenceRequest.PresenceEnum.ONLINE));
        assertThat(online.getPresence()).isEqualTo(AgentState.PresenceEnum.ONLINE);
        try (TopicProbe agents = new TopicProbe(stack.kafkaBootstrapServers(), Topics.AGENTS)) {
            List<ConsumerRecord<String, byte[]>> states = agents.await(r -> agent.equals(r.key()), 1, WITHIN);
            assertThat(states).hasSize(1);
            assertThat(new String(states.get(0).value(), StandardCharsets.UTF_8)).contains("\"presence\":\"ONLINE\"");
        }

        // a customer writes and routing assigns the conversation to Ana
        String handle = newHandle();
        try (GatewayEvents events = new GatewayEvents(stack.kafkaBootstrapServers())) {
            events.publish(chatMessage(handle, "Hello, where is my parcel?"));
            events.publish(assigned(handle, agent, Instant.now().plus(10, ChronoUnit.MINUTES)));
        }

        // 2. my queue
        ConversationList queue = await().atMost(WITHIN).until(
                () -> conversations.listConversations(
                        /* assignee */ "me", null, null, null, null, null, /* limit */ 20, null, null, /* sort */ "due",
                        /* status */ "open", null),
                // the assignment and the customer's message come on two topics: wait for both
                list -> !list.getItems().isEmpty() && list.getItems().get(0).getLastMessageAt() != null);
        ConversationSummary first = queue.getItems().get(0);
        assertThat(first.getCustomer().getHandle()).isEqualTo(handle);
        assertThat(first.getDueAt()).isNotNull();

        // 3. open it, its timeline, and the customer with their history
        Conversation conversation = conversations.getConversation(first.getId().toString());
        assertThat(conversation.getMessages()).hasSize(1);
        assertThat(conversation.getMessages().get(0).getText()).isEqualTo("Hello, where is my parcel?");
        Timeline timeline = conversations.getTimeline(conversation.getId().toString(), null, null);
        assertThat(timeline.getItems()).extracting(TimelineEntry::getType).containsExactly("message", "event");
        assertThat(timeline.getItems().get(1).getEvent().getKind()).isEqualTo("assigned");
        Customer customer = customers.getCustomer(conversation.getCustomer().getId().toString());
        assertThat(customer.getConversationCount()).isEqualTo(1L);
        assertThat(customer.getNewCustomer()).isTrue();
        assertThat(customer.getConversations()).extracting(CustomerConversation::getId).containsExactly(conversation.getId());
        assertThat(customer.getConversations().get(0).getOpenable()).isTrue();

        // 5. (opened before replying, so the reply's delivery shows on it) the live event stream
        try (LiveStream stream = LiveStream.open(token)) {
            await().atMost(WITHIN).until(stream::connected);

            // 4. reply
            ReplyAccepted reply = actions.reply(conversation.getId().toString(),
                    new ReplyRequest().text("It ships today!"), UUID.randomUUID().toString());
            assertThat(reply.getDeliveryStatus().getValue()).isEqualTo("queued");
            try (GatewayEvents events = new GatewayEvents(stack.kafkaBootstrapServers())) {
                events.publish(new DeliveryReceipt(reply.getMessageId(), conversation.getConversationKey(), Channel.CHAT,
                        "webchat", "wc-1", DeliveryStatus.DELIVERED, null, Instant.now()));
            }

            await().atMost(WITHIN).until(() -> !stream.frames("delivery").isEmpty());
            assertThat(stream.frames("delivery").get(0).data()).contains(reply.getMessageId(), "delivered");
        }
        // 5. resumed from the start of the stream: what happened before, in order
        try (LiveStream resumed = LiveStream.resume(token, "0")) {
            await().atMost(WITHIN).until(() -> !resumed.frames("delivery").isEmpty());
            assertThat(resumed.frames()).extracting(LiveStream.Frame::event)
                    .containsSubsequence("connected", "assignment", "delivery");
            assertThat(resumed.frames("assignment").get(0).id()).isEqualTo("1");
            assertThat(resumed.frames("assignment").get(0).data()).contains(conversation.getId().toString());
        }
        Conversation answered = conversations.getConversation(conversation.getId().toString());
        assertThat(answered.getMessages()).hasSize(2);
        assertThat(answered.getStatus().getValue()).isEqualTo("pending");

        // an error is a problem+json the client surfaces with its status
        ApiException notFound = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class,
                () -> conversations.getConversation(UUID.randomUUID().toString()));
        assertThat(notFound.getCode()).isEqualTo(404);
        assertThat(notFound.getResponseBody()).contains("conversation-not-found");
    }
}
