package io.omnichannel.gateway.adapters.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.gateway.adapters.email.mime.AutomatedKind;
import io.omnichannel.gateway.adapters.email.mime.EmailAddress;
import io.omnichannel.gateway.adapters.email.mime.ParsedEmail;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GatewayMessageIdsTest {

    private final String reply = UUID.randomUUID().toString();
    private final String conversation = UUID.randomUUID().toString();

    @Test
    void aReplysMessageIdNamesItsConversation() {
        String id = GatewayMessageIds.forReply(reply, conversation, "Support@Example.com");

        assertThat(id).isEqualTo("reply-" + reply + ".conv-" + conversation + "@example.com");
        assertThat(GatewayMessageIds.conversationOf(mail(List.of("root@customer.example", id), null, List.of())))
                .contains(conversation);
        assertThat(GatewayMessageIds.conversationOf(mail(List.of(), id, List.of()))).contains(conversation);
    }

    @Test
    void aMailThatLostItsReferencesIsTiedByThePlusAddressedReplyTo() {
        String replyTo = GatewayMessageIds.replyTo("support+old@example.com", conversation);

        assertThat(replyTo).isEqualTo("support+conv-" + conversation + "@example.com");
        assertThat(GatewayMessageIds.conversationOf(mail(List.of(), null, List.of(new EmailAddress(replyTo, null)))))
                .contains(conversation);
        assertThat(GatewayMessageIds.conversationOf(mail(List.of("x@y"), "z@w",
                List.of(new EmailAddress("support@example.com", null))))).isEmpty();
    }

    @Test
    void findsTheRepliesABounceQuotes() {
        String id = GatewayMessageIds.forReply(reply, conversation, "support@example.com");
        String bounce = "Final-Recipient: rfc822; gone@example.org\r\nAction: failed\r\n\r\nMessage-ID: <" + id + ">\r\n"
                + "In-Reply-To: <" + id + ">\r\n";

        assertThat(GatewayMessageIds.repliesNamedIn(bounce)).containsExactly(id);
        assertThat(GatewayMessageIds.repliesNamedIn("no ids here")).isEmpty();
    }

    private static ParsedEmail mail(List<String> references, String inReplyTo, List<EmailAddress> to) {
        return new ParsedEmail("m@customer.example", inReplyTo, references, new EmailAddress("c@customer.example", null), null,
                to, List.of(), "s", null, "", "", null, null, List.of(), AutomatedKind.NONE, Map.of(), List.of());
    }
}
