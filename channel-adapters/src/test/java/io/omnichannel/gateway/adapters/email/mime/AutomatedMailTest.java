package io.omnichannel.gateway.adapters.email.mime;

import static io.omnichannel.gateway.adapters.email.mime.EmailSamples.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AutomatedMailTest {

    private final EmailParser parser = new EmailParser(EmailLimits.defaults());

    @Test
    void recognisesAnOutOfOfficeReply() {
        ParsedEmail email = parser.parse(message("From: Anna <anna@example.com>", "Subject: Automatic reply: Your ticket",
                "Auto-Submitted: auto-replied", "X-Auto-Response-Suppress: All", "", "I am out of the office until Monday."));

        assertThat(email.automated()).isEqualTo(AutomatedKind.AUTO_REPLY);
        assertThat(email.headers()).containsEntry("auto-submitted", "auto-replied");
    }

    @Test
    void recognisesOutOfOfficeSubjectsWhenNoHeaderSaysSo() {
        assertThat(classify(Map.of(), "anna@example.com", "Abwesenheitsnotiz: Ihre Anfrage")).isEqualTo(AutomatedKind.AUTO_REPLY);
        assertThat(classify(Map.of(), "anna@example.com", "Autosvar: Order")).isEqualTo(AutomatedKind.AUTO_REPLY);
        assertThat(classify(Map.of(), "anna@example.com", "Out of Office: Order")).isEqualTo(AutomatedKind.AUTO_REPLY);
        assertThat(classify(Map.of("x-autoreply", "yes"), "anna@example.com", "Order")).isEqualTo(AutomatedKind.AUTO_REPLY);
        assertThat(classify(Map.of("precedence", "auto_reply"), "anna@example.com", "Order")).isEqualTo(AutomatedKind.AUTO_REPLY);
        assertThat(classify(Map.of("x-auto-response-suppress", "OOF, AutoReply"), "anna@example.com", "Order"))
                .isEqualTo(AutomatedKind.AUTO_REPLY);
        assertThat(classify(Map.of("auto-submitted", "no"), "anna@example.com", "Re: Out of office until Monday?"))
                .isEqualTo(AutomatedKind.NONE);
        assertThat(EmailSamples.parse("mime/phpmimemailparser_issue149_hebrew-iso-8859-8-i.eml").automated())
                .isEqualTo(AutomatedKind.AUTO_REPLY);
    }

    @Test
    void recognisesADeliveryStatusNotification() {
        ParsedEmail email = parser.parse(message("From: Mail Delivery System <MAILER-DAEMON@mx.example.com>",
                "Subject: Undelivered Mail Returned to Sender",
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"dsn\"", "",
                "--dsn", "Content-Type: text/plain", "", "I'm sorry to have to inform you that your message could not be delivered.",
                "--dsn", "Content-Type: message/delivery-status", "", "Reporting-MTA: dns; mx.example.com", "",
                "Final-Recipient: rfc822; gone@example.org", "Action: failed", "Status: 5.1.1",
                "--dsn", "Content-Type: text/rfc822-headers", "", "Message-ID: <ticket-9.msg-3@support.example.com>",
                "--dsn--"));

        assertThat(email.automated()).isEqualTo(AutomatedKind.BOUNCE);
        assertThat(email.text()).startsWith("I'm sorry to have to inform you");
        assertThat(email.attachments()).extracting(EmailAttachment::contentType)
                .containsExactly("message/delivery-status", "text/rfc822-headers");
        // the report alone is enough, whoever sends it
        assertThat(AutomatedMail.classify(name -> name.equals("content-type") ? "multipart/report; report-type=\"delivery-status\"" : null,
                "relay@example.com", "Notice", "multipart/report")).isEqualTo(AutomatedKind.BOUNCE);
        assertThat(classify(Map.of(), "postmaster@example.org", "Notice")).isEqualTo(AutomatedKind.BOUNCE);
    }

    @Test
    void takesAReadReceiptForAnAutomaticAnswerNotABounce() {
        AutomatedKind kind = AutomatedMail.classify(
                name -> name.equals("content-type") ? "multipart/report; report-type=disposition-notification" : null,
                "anna@example.com", "Read: Your ticket", "multipart/report");

        assertThat(kind).isEqualTo(AutomatedKind.AUTO_REPLY);
    }

    @Test
    void recognisesListAndBulkMail() {
        ParsedEmail email = parser.parse(message("From: News <news@shop.example>", "Subject: Our spring sale",
                "List-Id: Shop news <news.shop.example>", "List-Unsubscribe: <https://shop.example/unsubscribe>", "", "Sale!"));

        assertThat(email.automated()).isEqualTo(AutomatedKind.LIST_OR_BULK);
        assertThat(email.headers()).containsEntry("list-id", "Shop news <news.shop.example>");
        assertThat(classify(Map.of("precedence", "bulk"), "news@shop.example", "Sale")).isEqualTo(AutomatedKind.LIST_OR_BULK);
    }

    @Test
    void takesAPersonsReplyForAPersons() {
        assertThat(EmailSamples.parse("threading/rfc5322_A2_2_reply.eml").automated()).isEqualTo(AutomatedKind.NONE);
        assertThat(classify(Map.of("precedence", "first-class"), "mary@example.net", "Re: Undeliverable parcel"))
                .isEqualTo(AutomatedKind.NONE);
    }

    @Test
    void recognisesOurOwnMessageComingBackBeforeAnythingElse() {
        ParsedEmail email = parser.parse(message("From: support@example.com", "Subject: Automatic reply: Re: ticket",
                "Auto-Submitted: auto-replied", "X-Gateway-Loop: inbox-1", "", "echo"));

        assertThat(email.automated()).isEqualTo(AutomatedKind.LOOP);
    }

    private static AutomatedKind classify(Map<String, String> headers, String from, String subject) {
        return AutomatedMail.classify(headers::get, from, subject, "text/plain");
    }
}
