package io.omnichannel.gateway.adapters.email.mime;

import static io.omnichannel.gateway.adapters.email.mime.EmailSamples.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EmailParserTest {

    private final EmailParser parser = new EmailParser(EmailLimits.defaults());

    @Test
    void replacesInvalidUtf8BytesInsteadOfFailing() {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes(message("From: a@example.com", "Content-Type: text/plain; charset=utf-8", ""));
        raw.writeBytes(new byte[] {'o', (byte) 0xC3, '(', (byte) 0xFF, 'k'});

        ParsedEmail email = parser.parse(raw.toByteArray());

        assertThat(email.text()).isEqualTo("o\uFFFD(\uFFFDk");
        assertThat(email.notes()).containsExactly("text/plain part has bytes that are not valid UTF-8: shown as U+FFFD");
    }

    @Test
    void keepsTheContentOfAMultipartWhoseBoundaryNeverComes() {
        ParsedEmail email = EmailSamples.parse("mime/mime4j_missing-inner-boundary.eml");

        assertThat(email.text()).isEqualTo("Foo\n\nAAA\n");
        assertThat(email.notes()).containsExactly(
                "missing MIME boundary: no \"--inner-boundary\" delimiter in a multipart/alternative part: its content was read as plain text");
    }

    @Test
    void readsAMultipartWithoutBoundaryParameterAsText() {
        ParsedEmail email = parser.parse(message("From: a@example.com", "Content-Type: multipart/mixed", "", "plain words"));

        assertThat(email.text()).isEqualTo("plain words\n");
        assertThat(email.notes()).containsExactly(
                "missing MIME boundary: a multipart/mixed part has no boundary parameter: its content was read as plain text");
    }

    @Test
    void decodesUnknownCharsetsAsWindows1252WithANote() {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes(message("From: a@example.com", "Subject: =?x-made-up?Q?Caf=E9?=", "Content-Type: text/plain; charset=x-made-up", ""));
        raw.writeBytes(new byte[] {'c', 'a', 'f', (byte) 0xE9, ' ', (byte) 0x80});

        ParsedEmail email = parser.parse(raw.toByteArray());

        assertThat(email.subject()).isEqualTo("Café");
        assertThat(email.text()).isEqualTo("café €");
        assertThat(email.notes()).containsExactly("charset 'x-made-up' unknown: decoded as windows-1252");
    }

    @Test
    void notesThatUtf7IsNotSupported() {
        ParsedEmail email = parser.parse(message("From: a@example.com", "Content-Type: text/plain; charset=utf-7", "", "Hi Mom -+Jjo--!"));

        assertThat(email.text()).isEqualTo("Hi Mom -+Jjo--!\n");
        assertThat(email.notes()).containsExactly("charset 'utf-7' is not supported: decoded as windows-1252");
    }

    @Test
    void readsUnlabelledEightBitTextAsUtf8WhenItIsUtf8() {
        ParsedEmail email = parser.parse(message("From: a@example.com", "Subject: sans charset", "", "Grüße, Jörg"));

        assertThat(email.text()).isEqualTo("Grüße, Jörg\n");
        assertThat(email.notes()).isEmpty();
    }

    @Test
    void joinsTheSoftLineBreaksOfFlowedText() {
        ParsedEmail email = parser.parse(message("From: a@example.com", "Content-Type: text/plain; charset=utf-8; format=flowed", "",
                "My parcel was supposed to arrive on Monday, but it is still not ",
                "here.", " From the tracking page I cannot tell anything.", "",
                "On 5 Jan 2026, at 10:00, Support <support@example.com> wrote:", "",
                "> We are sorry for the ", "> delay.", "", "-- ", "Anna"));

        assertThat(email.text()).isEqualTo("My parcel was supposed to arrive on Monday, but it is still not here.\n"
                + "From the tracking page I cannot tell anything.\n\n"
                + "On 5 Jan 2026, at 10:00, Support <support@example.com> wrote:\n\n> We are sorry for the delay.\n\n-- \nAnna\n");
        assertThat(email.newText()).isEqualTo("My parcel was supposed to arrive on Monday, but it is still not here.\n"
                + "From the tracking page I cannot tell anything.");
        assertThat(FlowedText.unflow("keep the \nspace", false)).isEqualTo("keep the space");
        // delsp=yes: the space before a soft break was added by the sender (text without spaces between words)
        assertThat(FlowedText.unflow("日本語の \nテキスト", true)).isEqualTo("日本語のテキスト");
    }

    @Test
    void derivesTheTextOfHtmlOnlyMailAndSanitizesItsHtml() {
        ParsedEmail email = parser.parse(message("From: Customer <customer@example.com>", "Subject: html only",
                "Content-Type: text/html; charset=utf-8", "",
                "<html><head><title>ignored</title><script>steal()</script></head><body>",
                "<p>Hello,</p><p>my order <b>#42</b> is late.<br>Please help.</p>",
                "<div class=\"gmail_quote\">On Mon, Jan 5, 2026 at 10:00 AM Support &lt;help@example.com&gt; wrote:<br>",
                "<blockquote>We shipped it.</blockquote></div></body></html>"));

        assertThat(email.text()).isEqualTo("Hello,\n\nmy order #42 is late.\nPlease help.\n\n"
                + "On Mon, Jan 5, 2026 at 10:00 AM Support <help@example.com> wrote:\n\n> We shipped it.");
        assertThat(email.newText()).isEqualTo("Hello,\n\nmy order #42 is late.\nPlease help.");
        assertThat(email.html()).contains("<b>#42</b>").doesNotContain("script", "steal", "ignored");
    }

    @Test
    void prefersThePlainAlternativeForTextAndKeepsTheHtmlOne() {
        ParsedEmail email = parser.parse(message("From: a@example.com", "Content-Type: multipart/alternative; boundary=\"alt\"", "",
                "--alt", "Content-Type: text/plain; charset=utf-8", "", "plain version",
                "--alt", "Content-Type: text/html; charset=utf-8", "", "<p>html <i>version</i></p>",
                "--alt--"));

        assertThat(email.text()).isEqualTo("plain version");
        assertThat(email.html()).isEqualTo("<p>html <i>version</i></p>");
        assertThat(email.attachments()).isEmpty();
    }

    @Test
    void takesTheTextOfTheHtmlAlternativeWhenThePlainOneIsBlank() {
        ParsedEmail email = parser.parse(message("From: a@example.com", "Content-Type: multipart/alternative; boundary=\"alt\"", "",
                "--alt", "Content-Type: text/plain; charset=utf-8", "", " ",
                "--alt", "Content-Type: text/html; charset=utf-8", "", "<p>the real message</p>",
                "--alt--"));

        assertThat(email.text()).isEqualTo("the real message");
        assertThat(email.html()).isEqualTo("<p>the real message</p>");
    }

    @Test
    void listsInlineImagesOfRelatedHtmlWithTheirContentIds() {
        ParsedEmail email = parser.parse(message("From: a@example.com", "Content-Type: multipart/related; boundary=\"rel\"", "",
                "--rel", "Content-Type: text/html; charset=utf-8", "", "<p>logo: <img src=\"cid:logo@x\"></p>",
                "--rel", "Content-Type: image/png", "Content-ID: <logo@x>", "Content-Transfer-Encoding: base64", "", "iVBORw0KGgo=",
                "--rel--"));

        assertThat(email.html()).contains("<img src=\"cid:logo&#64;x\" />");
        assertThat(email.text()).isEqualTo("logo:");
        assertThat(email.attachments()).extracting(EmailAttachment::name, EmailAttachment::contentType, EmailAttachment::contentId,
                EmailAttachment::inline, EmailAttachment::size).containsExactly(tuple(null, "image/png", "logo@x", true, 8L));
    }

    @Test
    void keepsAForwardedMessageWholeAsAnAttachment() {
        ParsedEmail email = parser.parse(message("From: a@example.com", "Subject: Fwd: invoice",
                "Content-Type: multipart/mixed; boundary=\"fwd\"", "",
                "--fwd", "Content-Type: text/plain", "", "see the forwarded mail",
                "--fwd", "Content-Type: message/rfc822", "Content-Disposition: attachment; filename=\"invoice.eml\"", "",
                "From: billing@example.com", "Subject: invoice", "", "inner text",
                "--fwd--"));

        assertThat(email.text()).isEqualTo("see the forwarded mail");
        assertThat(email.attachments()).singleElement().satisfies(forwarded -> {
            assertThat(forwarded.name()).isEqualTo("invoice.eml");
            assertThat(forwarded.contentType()).isEqualTo("message/rfc822");
            assertThat(new String(forwarded.content(), StandardCharsets.US_ASCII)).startsWith("From: billing@example.com")
                    .contains("inner text");
        });
    }

    @Test
    void readsRawUtf8HeadersAndEncodedFileNames() {
        ParsedEmail email = parser.parse(message("From: José Núñez <Jose@Example.COM>", "To: \"Ülkü\" <u@example.com>, b@example.com",
                "Subject: Grüße aus Köln", "Date: not a date", "Content-Type: multipart/mixed; boundary=\"m\"", "",
                "--m", "Content-Type: text/plain; charset=utf-8", "", "hi",
                "--m", "Content-Type: application/pdf", "Content-Disposition: attachment; filename*0*=utf-8''%E2%82;",
                " filename*1*=%AC%20+%20Rechnung.pdf", "", "%PDF",
                "--m", "Content-Type: application/pdf; name=\"=?iso-8859-1?Q?K=F6ln.pdf?=\"", "", "%PDF",
                "--m--"));

        assertThat(email.from()).isEqualTo(new EmailAddress("jose@example.com", "José Núñez"));
        assertThat(email.to()).containsExactly(new EmailAddress("u@example.com", "Ülkü"), new EmailAddress("b@example.com", null));
        assertThat(email.subject()).isEqualTo("Grüße aus Köln");
        assertThat(email.date()).isNull();
        assertThat(email.notes()).containsExactly("the Date header 'not a date' could not be read");
        assertThat(email.attachments()).extracting(EmailAttachment::name).containsExactly("€ + Rechnung.pdf", "Köln.pdf");
    }

    @Test
    void keepsTheThreadingAndAutomationHeadersWorthKeeping() {
        ParsedEmail email = parser.parse(message("From: a@example.com", "Subject: =?utf-8?Q?Re=3A_Bestellung?=",
                "Date: Tue, 20 Apr 2021 04:20:20 -0400", "Message-ID: <m1@example.com>",
                "In-Reply-To: <ticket-7.msg-1@support.example.com> <other@example.com>",
                "References: <root@example.com>\r\n <ticket-7.msg-1@support.example.com>",
                "Thread-Index: AQHXNZ9vB8OV", "Thread-Topic: =?utf-8?Q?Bestellung?=", "X-Gateway-Conversation: c-123",
                "Content-Language: de-DE, en", "X-Mailer: ignored", "", "text"));

        assertThat(email.messageId()).isEqualTo("m1@example.com");
        assertThat(email.inReplyTo()).isEqualTo("ticket-7.msg-1@support.example.com");
        assertThat(email.references()).containsExactly("root@example.com", "ticket-7.msg-1@support.example.com");
        assertThat(email.date()).isEqualTo(Instant.parse("2021-04-20T08:20:20Z"));
        assertThat(email.language()).isEqualTo("de-DE");
        assertThat(email.headers()).containsOnly(
                org.assertj.core.api.Assertions.entry("thread-index", "AQHXNZ9vB8OV"),
                org.assertj.core.api.Assertions.entry("thread-topic", "Bestellung"),
                org.assertj.core.api.Assertions.entry("x-gateway-conversation", "c-123"));
        assertThat(email.automated()).isEqualTo(AutomatedKind.NONE);
        assertThat(email.notes()).isEmpty();
    }
}
