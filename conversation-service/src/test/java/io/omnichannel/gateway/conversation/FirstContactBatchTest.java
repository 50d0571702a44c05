package io.omnichannel.gateway.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.CustomerRef;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.conversation.service.EventOutcome;
import io.omnichannel.gateway.conversation.service.InboundMessageService;
import io.omnichannel.gateway.conversation.service.InboundMessageService.Delivered;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * First messages of new customers are opened set-based a poll at a time; whatever that path leaves to
 * the one-by-one path (a known address, a verified twin, a reopen) must end exactly as if every message
 * had been filed one by one: one conversation per key, one customer per person.
 */
@QuarkusTest
@WithTestResource(value = ConversationStack.class, initArgs = @ResourceArg(name = "databases", value = "conversation"))
class FirstContactBatchTest {

    @Inject
    InboundMessageService service;

    @Inject
    EntityManager entityManager;

    @Test
    void newCustomersInOnePollGetOneConversationEachAndLaterMessagesOfTheSameKeyJoinIt() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        InboundMessage ada = chat("web-a", "ada-" + UUID.randomUUID(), "Ada", now);
        InboundMessage adaAgain = chat("web-a", ada.customer().handle(), "Ada L.", now.plusSeconds(1));
        InboundMessage alan = chat("web-a", "alan-" + UUID.randomUUID(), "Alan", now);

        List<EventOutcome> outcomes = receive(ada, adaAgain, alan);

        assertThat(outcomes).containsOnly(EventOutcome.APPLIED);
        assertThat(messagesOf(ada.conversationKey())).containsExactly(ada.id(), adaAgain.id());
        assertThat(messagesOf(alan.conversationKey())).containsExactly(alan.id());
        assertThat(customerName(ada.conversationKey())).isEqualTo("Ada L.");
        assertThat(identitiesOf(ada.conversationKey())).isEqualTo(1);
        assertThat(replyRouteOf(alan.conversationKey())).isEqualTo("web-a " + alan.customer().handle() + " webchat");
    }

    @Test
    void aKnownAddressOnANewKeyAndAVerifiedTwinJoinTheirCustomerInsteadOfStartingAnother() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String visitor = "grace-" + UUID.randomUUID();
        String number = "+1415" + (5_550_000 + (int) (Math.random() * 9_000));
        InboundMessage firstChat = chat("web-a", visitor, "Grace", now);
        InboundMessage whatsapp = message(Channel.SOCIAL, "wa-main", "whatsapp", "whatsapp:" + number, "Grace", now);
        receive(firstChat, whatsapp);

        // in one poll: the same visitor on another inbox, the WhatsApp number texting, and a brand-new customer
        InboundMessage otherInbox = chat("web-b", visitor, "Grace", now.plusSeconds(5));
        InboundMessage sms = message(Channel.SMS, "+15550001111", "twilio", number, null, now.plusSeconds(5));
        InboundMessage stranger = chat("web-b", "linus-" + UUID.randomUUID(), "Linus", now.plusSeconds(5));
        assertThat(receive(otherInbox, sms, stranger)).containsOnly(EventOutcome.APPLIED);

        assertThat(customerOf(otherInbox.conversationKey())).isEqualTo(customerOf(firstChat.conversationKey()));
        assertThat(customerOf(sms.conversationKey())).isEqualTo(customerOf(whatsapp.conversationKey()));
        assertThat(customerOf(stranger.conversationKey())).isNotIn(customerOf(firstChat.conversationKey()),
                customerOf(whatsapp.conversationKey()));
        assertThat(messagesOf(sms.conversationKey())).containsExactly(sms.id());
    }

    @Test
    void aCustomerWritingAgainWithinTheReopenWindowReopensTheirConversation() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        InboundMessage first = chat("web-a", "rosalind-" + UUID.randomUUID(), "Rosalind", now);
        receive(first);
        String id = conversationIdOf(first.conversationKey());
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "UPDATE conversation SET status = 'resolved', resolved_at = now() WHERE id = CAST(:id AS uuid)")
                .setParameter("id", id).executeUpdate());

        InboundMessage again = chat("web-a", first.customer().handle(), "Rosalind", now.plusSeconds(60));
        InboundMessage stranger = chat("web-a", "barbara-" + UUID.randomUUID(), "Barbara", now.plusSeconds(60));
        receive(again, stranger);

        assertThat(conversationIdOf(first.conversationKey())).isEqualTo(id);
        assertThat(messagesOf(first.conversationKey())).containsExactly(first.id(), again.id());
        assertThat(messagesOf(stranger.conversationKey())).containsExactly(stranger.id());
    }

    private List<EventOutcome> receive(InboundMessage... messages) {
        return service.receiveAll(List.of(messages).stream().map(m -> new Delivered("e-" + UUID.randomUUID(), m)).toList());
    }

    private static InboundMessage chat(String inbox, String visitor, String name, Instant at) {
        return message(Channel.CHAT, inbox, "webchat", visitor, name, at);
    }

    private static InboundMessage message(Channel channel, String inbox, String provider, String handle, String name, Instant at) {
        return new InboundMessage(UUID.randomUUID().toString(), channel, provider, inbox, "ext-" + UUID.randomUUID(), null,
                new CustomerRef(handle, name), at, at, null, "hello", null, List.of(), null, Map.of());
    }

    @SuppressWarnings("unchecked")
    private List<String> messagesOf(String key) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                        SELECT m.id FROM message m JOIN conversation c ON c.id = m.conversation_id
                        WHERE c.conversation_key = :key AND c.status <> 'resolved' ORDER BY m.received_at, m.seq""", String.class)
                .setParameter("key", key).getResultList());
    }

    private String conversationIdOf(String key) {
        return single("SELECT CAST(id AS text) FROM conversation WHERE conversation_key = :key", key);
    }

    private String customerOf(String key) {
        return single("SELECT CAST(customer_id AS text) FROM conversation WHERE conversation_key = :key AND status <> 'resolved'", key);
    }

    private String customerName(String key) {
        return single("""
                SELECT cu.display_name FROM customer cu JOIN conversation c ON c.customer_id = cu.id
                WHERE c.conversation_key = :key""", key);
    }

    private int identitiesOf(String key) {
        return Integer.parseInt(single("""
                SELECT CAST(count(*) AS text) FROM customer_identity i JOIN conversation c ON c.customer_id = i.customer_id
                WHERE c.conversation_key = :key""", key));
    }

    private String replyRouteOf(String key) {
        return single("""
                SELECT ic.inbox || ' ' || ic.handle || ' ' || ic.provider FROM identity_channel ic
                JOIN conversation c ON c.identity_id = ic.identity_id AND ic.channel = c.channel
                WHERE c.conversation_key = :key""", key);
    }

    private String single(String sql, String key) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(sql, String.class)
                .setParameter("key", key).getSingleResult());
    }
}
