package io.omnichannel.gateway.conversation;

import static io.omnichannel.gateway.conversation.ConversationApi.awaitConversation;
import static io.omnichannel.gateway.conversation.ConversationApi.awaitConversationOf;
import static io.omnichannel.gateway.conversation.ConversationApi.conversation;
import static io.omnichannel.gateway.conversation.GatewayEvents.message;
import static io.omnichannel.gateway.conversation.Tokens.asSupervisor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.InboundMessage;
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
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = ConversationStack.class, initArgs = @ResourceArg(name = "databases", value = "conversation"))
class CustomersTest {

    private static final String PROBLEM = "application/problem+json";

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

    /** A valid US number no other test uses (555-01xx numbers are fictional). */
    private static String newPhone() {
        return "+1415" + (2_000_000 + ThreadLocalRandom.current().nextInt(7_000_000));
    }

    private String conversationOf(InboundMessage message) {
        events.publish(message);
        String id = awaitConversationOf(message.conversationKey());
        awaitConversation(id, json -> json.getList("messages.id").contains(message.id()));
        return id;
    }

    private static JsonPath customer(String id) {
        return asSupervisor().get("/api/v1/customers/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aCustomerWritingOnSmsThenEmailIsOneCustomerWithBothConversationsOnceLinked() {
        String phone = newPhone();
        String email = "grace." + UUID.randomUUID() + "@example.com";
        String sms = conversationOf(message(Channel.SMS, "twilio", "+15550001111", phone, "my parcel?", Map.of()));
        String mail = conversationOf(message(Channel.EMAIL, "imap", "support@shop.test", email, "about my parcel", Map.of()));
        String smsCustomer = conversation(sms).getString("customer.id");
        String mailCustomer = conversation(mail).getString("customer.id");
        assertThat(smsCustomer).isNotEqualTo(mailCustomer);
        assertThat(customer(smsCustomer).getBoolean("newCustomer")).isTrue();

        JsonPath linked = asSupervisor().contentType(ContentType.JSON)
                .body(Map.of("kind", "email", "value", email.toUpperCase()))
                .post("/api/v1/customers/{id}/identities", smsCustomer).then().statusCode(200).extract().jsonPath();

        assertThat(linked.getString("id")).isEqualTo(smsCustomer);
        assertThat(linked.getList("identities.kind")).containsExactlyInAnyOrder("phone", "email");
        assertThat(linked.getList("identities.value")).containsExactlyInAnyOrder(phone, email);
        assertThat(linked.getLong("conversationCount")).isEqualTo(2);
        assertThat(linked.getBoolean("newCustomer")).isFalse();
        JsonPath history = asSupervisor().queryParam("customer", smsCustomer).get("/api/v1/conversations")
                .then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("items.id")).containsExactlyInAnyOrder(sms, mail);
        assertThat(history.getList("items.channel")).containsExactlyInAnyOrder("sms", "email");
        assertThat(conversation(mail).getString("customer.handle")).isEqualTo(email);
        // the email customer was merged: its old id now answers with the customer it became
        assertThat(customer(mailCustomer).getString("id")).isEqualTo(smsCustomer);
    }

    @Test
    void anSmsAndACallFromTheSameNumberAreOneCustomerAtOnce() {
        String phone = newPhone();
        String national = "(" + phone.substring(2, 5) + ") " + phone.substring(5, 8) + "-" + phone.substring(8);
        String sms = conversationOf(message(Channel.SMS, "twilio", "+15550001111", phone, "hello", Map.of()));
        String call = conversationOf(message(Channel.PHONE, "twilio", "+15550002222", national, "(transcript)", Map.of()));

        assertThat(conversation(call).getString("customer.id")).isEqualTo(conversation(sms).getString("customer.id"));
        JsonPath customer = customer(conversation(sms).getString("customer.id"));
        assertThat(customer.getList("identities.value")).containsExactly(phone);
        assertThat(customer.getBoolean("identities[0].verified")).isTrue();
        assertThat(customer.getLong("conversationCount")).isEqualTo(2);
    }

    @Test
    void aVerifiedWhatsAppNumberAndAChatVisitorWithAVerifiedEmailJoinTheCustomerTheyProve() {
        String phone = newPhone();
        String email = "ada." + UUID.randomUUID() + "@example.com";
        String sms = conversationOf(message(Channel.SMS, "twilio", "+15550001111", phone, "hi", Map.of()));
        String whatsapp = conversationOf(message(Channel.SOCIAL, "whatsapp", "+15550003333", "whatsapp:" + phone, "hi", Map.of()));
        String mail = conversationOf(message(Channel.EMAIL, "imap", "support@shop.test", email, "hello",
                Map.of("authenticated", "true")));
        String chat = conversationOf(message(Channel.CHAT, "webchat", "support-widget", "visitor-" + UUID.randomUUID(), "hey",
                Map.of("customer.verifiedEmail", email)));
        String unverifiedChat = conversationOf(message(Channel.CHAT, "webchat", "support-widget", "visitor-" + UUID.randomUUID(),
                "hey", Map.of("claimedEmail", email)));

        String customer = conversation(sms).getString("customer.id");
        assertThat(conversation(whatsapp).getString("customer.id")).isEqualTo(customer);
        assertThat(conversation(chat).getString("customer.id")).isEqualTo(conversation(mail).getString("customer.id"));
        assertThat(conversation(unverifiedChat).getString("customer.id")).isNotEqualTo(conversation(mail).getString("customer.id"));
        assertThat(customer(customer).getList("identities.kind")).containsExactlyInAnyOrder("phone", "whatsapp");
    }

    @Test
    void unlinkingAnIdentitySplitsItOffWithItsConversations() {
        String phone = newPhone();
        String visitor = "visitor-" + UUID.randomUUID();
        String sms = conversationOf(message(Channel.SMS, "twilio", "+15550001111", phone, "hello", Map.of()));
        String chat = conversationOf(message(Channel.CHAT, "webchat", "support-widget", visitor, "hello", Map.of()));
        String customer = conversation(sms).getString("customer.id");
        JsonPath linked = asSupervisor().contentType(ContentType.JSON).body(Map.of("kind", "chat-visitor", "value", visitor))
                .post("/api/v1/customers/{id}/identities", customer).then().statusCode(200).extract().jsonPath();
        String visitorIdentity = linked.getString("identities.find { it.kind == 'chat-visitor' }.id");
        assertThat(conversation(chat).getString("customer.id")).isEqualTo(customer);

        JsonPath split = asSupervisor().delete("/api/v1/customers/{id}/identities/{identity}", customer, visitorIdentity)
                .then().statusCode(200).extract().jsonPath();

        assertThat(split.getString("id")).isNotEqualTo(customer);
        assertThat(conversation(chat).getString("customer.id")).isEqualTo(split.getString("id"));
        assertThat(customer(customer).getList("identities.kind")).containsExactly("phone");
        String phoneIdentity = customer(customer).getString("identities[0].id");
        asSupervisor().delete("/api/v1/customers/{id}/identities/{identity}", customer, phoneIdentity)
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("only one"));
        asSupervisor().contentType(ContentType.JSON).body(Map.of("kind", "phone", "value", "12"))
                .post("/api/v1/customers/{id}/identities", customer).then().statusCode(400).body("field", equalTo("value"));
    }

    @Test
    void notesAndTheLastSatisfactionScoreShowOnTheCustomer() {
        String phone = newPhone();
        String sms = conversationOf(message(Channel.SMS, "twilio", "+15550001111", phone, "thanks!",
                Map.of("satisfactionScore", "4")));
        String customer = conversation(sms).getString("customer.id");

        asSupervisor().contentType(ContentType.JSON).body(Map.of("text", "prefers SMS"))
                .post("/api/v1/customers/{id}/notes", customer).then().statusCode(201).body("author", equalTo("supervisor-1"));

        JsonPath view = customer(customer);
        assertThat(view.getInt("lastSatisfactionScore")).isEqualTo(4);
        assertThat(view.getList("notes.text")).containsExactly("prefers SMS");
        assertThat(view.getString("firstContactAt")).isNotNull();
        asSupervisor().get("/api/v1/customers/{id}", UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void anAgentWhoSeesTheCustomerSeesEveryPastConversationOnEveryChannelButOpensOnlyTheirOwn() {
        Desk ana = Desk.newAgent(Desk.newTeam());
        String phone = newPhone();
        String email = "linus." + UUID.randomUUID() + "@example.com";
        InboundMessage text = message(Channel.SMS, "twilio", "+15550001111", phone, "my parcel again", Map.of());
        String call = conversationOf(message(Channel.PHONE, "twilio", "+15550002222", phone, "(transcript)", Map.of()));
        String mail = conversationOf(message(Channel.EMAIL, "imap", "support@shop.test", email, "parcel", Map.of()));
        String sms = conversationOf(text);
        events.publish(GatewayEvents.routing(RoutingEventType.ASSIGNED, text.conversationKey(), ana.agentId(),
                Instant.now().plus(1, ChronoUnit.HOURS)));
        awaitConversation(sms, json -> ana.agentId().equals(json.getString("assigneeAgentId")));
        String customer = conversation(sms).getString("customer.id");
        asSupervisor().contentType(ContentType.JSON).body(Map.of("kind", "email", "value", email))
                .post("/api/v1/customers/{id}/identities", customer).then().statusCode(200);

        JsonPath view = ana.request().get("/api/v1/customers/{id}", customer).then().statusCode(200).extract().jsonPath();

        assertThat(view.getLong("conversationCount")).isEqualTo(3);
        assertThat(view.getBoolean("newCustomer")).isFalse();
        assertThat(view.getList("conversations.id")).containsExactly(sms, mail, call); // newest first
        assertThat(view.getList("conversations.channel")).containsExactly("sms", "email", "phone");
        assertThat(view.getList("conversations.openable")).containsExactly(true, false, false);
        assertThat(view.getString("conversationsCursor")).isNull();
        // the history is shown; opening a conversation of no team of hers still answers 404
        ana.request().get("/api/v1/conversations/{id}", sms).then().statusCode(200);
        ana.request().get("/api/v1/conversations/{id}", call).then().statusCode(404);
        ana.request().get("/api/v1/conversations/{id}", mail).then().statusCode(404);

        // paged, the history holds exactly conversationCount conversations, each once
        JsonPath first = ana.request().queryParam("limit", 2).get("/api/v1/customers/{id}/conversations", customer)
                .then().statusCode(200).extract().jsonPath();
        JsonPath second = ana.request().queryParam("limit", 2).queryParam("cursor", first.getString("nextCursor"))
                .get("/api/v1/customers/{id}/conversations", customer).then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.id")).containsExactly(sms, mail);
        assertThat(second.getList("items.id")).containsExactly(call);
        assertThat(second.getString("nextCursor")).isNull();
        ana.request().queryParam("cursor", "nonsense").get("/api/v1/customers/{id}/conversations", customer)
                .then().statusCode(400).contentType(PROBLEM).body("field", equalTo("cursor"));
    }

    @Test
    void anotherTeamsAgentCanNeitherReadNorChangeTheCustomer() {
        Desk ana = Desk.newAgent(Desk.newTeam());
        Desk bob = Desk.newAgent(Desk.newTeam());
        String phone = newPhone();
        InboundMessage text = message(Channel.SMS, "twilio", "+15550001111", phone, "hello", Map.of());
        String sms = conversationOf(text);
        events.publish(GatewayEvents.routing(RoutingEventType.ASSIGNED, text.conversationKey(), ana.agentId(), null));
        awaitConversation(sms, json -> ana.agentId().equals(json.getString("assigneeAgentId")));
        String customer = conversation(sms).getString("customer.id");
        String identity = customer(customer).getString("identities[0].id");

        bob.request().get("/api/v1/customers/{id}", customer).then().statusCode(404).contentType(PROBLEM);
        bob.request().get("/api/v1/customers/{id}/conversations", customer).then().statusCode(404).contentType(PROBLEM);
        bob.request().contentType(ContentType.JSON).body(Map.of("kind", "email", "value", "bob@example.com"))
                .post("/api/v1/customers/{id}/identities", customer).then().statusCode(404).contentType(PROBLEM);
        bob.request().delete("/api/v1/customers/{id}/identities/{identity}", customer, identity)
                .then().statusCode(404).contentType(PROBLEM);
        bob.request().contentType(ContentType.JSON).body(Map.of("text", "not my customer"))
                .post("/api/v1/customers/{id}/notes", customer).then().statusCode(404).contentType(PROBLEM);

        JsonPath unchanged = ana.request().get("/api/v1/customers/{id}", customer).then().statusCode(200).extract().jsonPath();
        assertThat(unchanged.getList("identities.value")).containsExactly(phone);
        assertThat(unchanged.getList("notes")).isEmpty();
    }

    @Test
    void notesBeyondTheFirstFiftyArePagedNewestFirst() {
        String phone = newPhone();
        String sms = conversationOf(message(Channel.SMS, "twilio", "+15550001111", phone, "hello", Map.of()));
        String customer = conversation(sms).getString("customer.id");
        for (int i = 0; i < 53; i++) {
            asSupervisor().contentType(ContentType.JSON).body(Map.of("text", "note " + i))
                    .post("/api/v1/customers/{id}/notes", customer).then().statusCode(201);
        }

        JsonPath view = customer(customer);
        assertThat(view.getList("notes")).hasSize(50);
        assertThat(view.getString("notes[0].text")).isEqualTo("note 52");
        JsonPath rest = asSupervisor().queryParam("cursor", view.getString("notesCursor"))
                .get("/api/v1/customers/{id}/notes", customer).then().statusCode(200).extract().jsonPath();
        assertThat(rest.getList("items.text")).containsExactly("note 2", "note 1", "note 0");
        assertThat(rest.getString("nextCursor")).isNull();

        JsonPath small = asSupervisor().queryParam("limit", 20).get("/api/v1/customers/{id}/notes", customer)
                .then().statusCode(200).extract().jsonPath();
        List<String> all = new java.util.ArrayList<>(small.getList("items.text", String.class));
        String cursor = small.getString("nextCursor");
        while (cursor != null) {
            JsonPath next = asSupervisor().queryParam("limit", 20).queryParam("cursor", cursor)
                    .get("/api/v1/customers/{id}/notes", customer).then().statusCode(200).extract().jsonPath();
            all.addAll(next.getList("items.text", String.class));
            cursor = next.getString("nextCursor");
        }
        assertThat(all).hasSize(53).doesNotHaveDuplicates();
        asSupervisor().queryParam("cursor", view.getString("notesCursor") + "x")
                .get("/api/v1/customers/{id}/notes", customer).then().statusCode(400).body("field", equalTo("cursor"));
    }
}
