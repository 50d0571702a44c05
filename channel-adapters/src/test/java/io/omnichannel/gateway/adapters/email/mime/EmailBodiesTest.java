package io.omnichannel.gateway.adapters.email.mime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailBodiesTest {

    @Test
    void stripsAGmailQuoteWithItsWrappedAttribution() {
        String text = """
                Thanks, that works now.

                On Mon, Jan 5, 2026 at 10:00 AM Support Team <
                support@example.com> wrote:

                > Please restart the router.
                >
                > > Earlier: my internet is down.
                """;

        assertThat(EmailBodies.newText(text)).isEqualTo("Thanks, that works now.");
    }

    @Test
    void stripsOutlooksOriginalMessageBlock() {
        String text = """
                Please cancel the order.

                Regards,
                Anna

                -----Original Message-----
                From: Support <support@example.com>
                Sent: Monday, January 5, 2026 10:00 AM
                To: Anna <anna@example.com>
                Subject: Your order

                Your order has shipped.
                """;

        assertThat(EmailBodies.newText(text)).isEqualTo("Please cancel the order.\n\nRegards,\nAnna");
    }

    @Test
    void stripsOutlooksFromSentHeaderBlockAndItsRule() {
        String text = """
                Yes, Tuesday is fine.

                ________________________________
                From: Support <support@example.com>
                Sent: Monday, January 5, 2026 10:00
                To: Bob
                Subject: Appointment

                Would Tuesday suit you?
                """;

        assertThat(EmailBodies.newText(text)).isEqualTo("Yes, Tuesday is fine.");
    }

    @Test
    void stripsAppleMailQuoteAndMobileSignature() {
        String text = """
                I'll be there at 5.

                Sent from my iPhone

                On 5 Jan 2026, at 10:00, Support <support@example.com> wrote:

                > See you tomorrow?
                """;

        assertThat(EmailBodies.newText(text)).isEqualTo("I'll be there at 5.");
    }

    @Test
    void stripsGermanQuotesOutlookHeadersAndSignatures() {
        String gmail = """
                Danke für die schnelle Antwort!

                Am Mo., 5. Jan. 2026 um 10:00 Uhr schrieb Support <support@example.de>:
                > Ihre Bestellung ist unterwegs.

                Von meinem iPhone gesendet
                """;
        String outlook = """
                Bitte stornieren.

                Von: Support <support@example.de>
                Gesendet: Montag, 5. Januar 2026 10:00
                An: Kunde
                Betreff: Bestellung
                """;

        assertThat(EmailBodies.newText(gmail)).isEqualTo("Danke für die schnelle Antwort!");
        assertThat(EmailBodies.newText(outlook)).isEqualTo("Bitte stornieren.");
        assertThat(EmailBodies.newText("Ok.\n\n-----Ursprüngliche Nachricht-----\nVon: x\n")).isEqualTo("Ok.");
    }

    @Test
    void stripsFrenchAttributionAndSignatureDelimiter() {
        String text = """
                Merci beaucoup.

                --\s
                Claire Dupont
                Service client

                Le lun. 5 janv. 2026 à 10:00, Support <support@example.fr> a écrit :
                > Votre colis est arrivé.
                """;

        assertThat(EmailBodies.newText(text)).isEqualTo("Merci beaucoup.");
    }

    @Test
    void keepsAnswersWrittenBetweenQuotedLines() {
        String text = """
                On Mon, Jan 5, 2026 at 10:00 AM Support <support@example.com> wrote:
                > What is your order number?
                It is 4711.
                > And your postcode?
                10115
                """;

        assertThat(EmailBodies.newText(text)).isEqualTo("It is 4711.\n10115");
    }

    @Test
    void keepsTextAfterAnUndatedWroteLineThatQuotesNothing() {
        String text = "My colleague wrote:\nThe parcel never arrived.\n";

        assertThat(EmailBodies.newText(text)).isEqualTo("My colleague wrote:\nThe parcel never arrived.");
        assertThat(EmailBodies.newText(null)).isEmpty();
    }

    @Test
    void turnsHtmlIntoLinesOfText() {
        String html = "<html><head><style>p{color:red}</style></head><body><div>Hi <b>there</b>,<br>second line</div>"
                + "<p>Read <a href=\"https://example.com/faq\">the FAQ</a> or <a href=\"https://example.com\">example.com</a>.</p>"
                + "<ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr></table></body></html>";

        assertThat(EmailBodies.textFromHtml(html)).isEqualTo("Hi there,\nsecond line\n\n"
                + "Read the FAQ <https://example.com/faq> or example.com.\n\n- one\n- two\n\na\tb");
        assertThat(EmailBodies.textFromHtml(null)).isEmpty();
    }

    @Test
    void readsOutlookHtmlLineByLineAndStripsItsQuotedHeaderBlock() {
        String html = "<html><body><div class=\"WordSection1\">"
                + "<p class=\"MsoNormal\">Hello,<o:p></o:p></p><p class=\"MsoNormal\">the invoice is&nbsp;wrong.<o:p></o:p></p>"
                + "<p class=\"MsoNormal\"><o:p>&nbsp;</o:p></p><p class=\"MsoNormal\">Regards, Anna<o:p></o:p></p>"
                + "<div style=\"border:none;border-top:solid #E1E1E1 1.0pt\"><p class=\"MsoNormal\"><b>From:</b> Support "
                + "&lt;support@example.com&gt;<br><b>Sent:</b> Monday, January 5, 2026 10:00<br><b>Subject:</b> Invoice</p></div>"
                + "<p class=\"MsoNormal\">Here is your invoice.</p></div></body></html>";

        String text = EmailBodies.textFromHtml(html);

        assertThat(text).startsWith("Hello,\nthe invoice is wrong.\n\nRegards, Anna\nFrom: Support <support@example.com>\nSent: ");
        assertThat(EmailBodies.newText(text)).isEqualTo("Hello,\nthe invoice is wrong.\n\nRegards, Anna");
    }

    @Test
    void sanitizerRemovesWhatRunsOrCallsOut() {
        String html = "<p onclick=\"steal()\" style=\"color:red;background-image:url(https://tracker.example/p)\">Hi"
                + " <a href=\"javascript:alert(1)\">click</a></p><script>alert(document.cookie)</script>"
                + "<style>body{background:url(https://tracker.example/s)}</style>"
                + "<img src=\"x\" onerror=\"steal()\"><iframe src=\"https://evil.example\"></iframe>";

        String safe = EmailBodies.sanitizeHtml(html);

        assertThat(safe).doesNotContain("onclick", "steal", "javascript", "script", "alert", "url(", "tracker", "iframe", "onerror")
                .contains("<p style=\"color:red\">Hi click</p>");
    }

    @Test
    void sanitizerKeepsFormattingLinksImagesTablesAndDirection() {
        String html = "<html lang=\"he\"><body dir=\"rtl\"><p>שלום <b>עולם</b> <a href=\"https://example.com/x\">קישור</a></p>"
                + "<span dir=\"ltr\" lang=\"en\">Order 42</span><img src=\"cid:logo\" alt=\"logo\">"
                + "<table border=\"1\"><tr><td colspan=\"2\">cell</td></tr></table></body></html>";

        String safe = EmailBodies.sanitizeHtml(html);

        assertThat(safe).startsWith("<div dir=\"rtl\" lang=\"he\">")
                .contains("<b>עולם</b>", "<a href=\"https://example.com/x\" rel=\"nofollow noopener noreferrer\">קישור</a>",
                        "<span dir=\"ltr\" lang=\"en\">Order 42</span>", "<img src=\"cid:logo\" alt=\"logo\" />",
                        "<td colspan=\"2\">cell</td>");
        assertThat(EmailBodies.sanitizeHtml(null)).isNull();
    }
}
