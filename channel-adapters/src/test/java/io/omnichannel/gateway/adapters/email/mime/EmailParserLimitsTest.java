package io.omnichannel.gateway.adapters.email.mime;

import static io.omnichannel.gateway.adapters.email.mime.EmailSamples.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EmailParserLimitsTest {

    private static final long MIB = 1024 * 1024;
    private final EmailParser parser = new EmailParser(EmailLimits.defaults());

    @Test
    void defaultLimitsAreTheDocumentedOnes() {
        assertThat(EmailLimits.defaults()).isEqualTo(new EmailLimits(25 * MIB, 64 * 1024, 1000, 20, 200, 10 * MIB));
    }

    @Test
    void keepsOnlyTheMetadataOfAnAttachmentOverTheLimit() {
        byte[] pdf = new byte[1000];
        new Random(7).nextBytes(pdf);
        EmailParser small = new EmailParser(new EmailLimits(MIB, 64 * 1024, 1000, 20, 200, 999));

        ParsedEmail email = small.parse(withAttachment("x.pdf", "application/pdf", pdf));

        assertThat(email.text()).isEqualTo("see attached");
        assertThat(email.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.name()).isEqualTo("x.pdf");
            assertThat(attachment.size()).isEqualTo(1000);
            assertThat(attachment.content()).isNull();
        });
        assertThat(email.notes()).containsExactly("attachment 'x.pdf' (1000 bytes) is over the 999-byte limit: kept as metadata only");
        assertThat(new EmailParser(new EmailLimits(MIB, 64 * 1024, 1000, 20, 200, 1000))
                .parse(withAttachment("x.pdf", "application/pdf", pdf)).attachments().get(0).content()).isEqualTo(pdf);
    }

    @Test
    void countsAFiftyMegabyteAttachmentWithoutKeepingIt() throws IOException {
        byte[] raw = fiftyMegabyteAttachmentMessage();
        EmailLimits roomForTheMessage = new EmailLimits(100 * MIB, 64 * 1024, 1000, 20, 200, 10 * MIB);

        ParsedEmail email = new EmailParser(roomForTheMessage).parse(raw);

        assertThat(email.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.name()).isEqualTo("big.bin");
            assertThat(attachment.size()).isEqualTo(50 * MIB);
            assertThat(attachment.content()).isNull();
        });
        assertThat(email.notes()).containsExactly(
                "attachment 'big.bin' (52428800 bytes) is over the 10485760-byte limit: kept as metadata only");
        assertThat(email.text()).isEqualTo("see attached");
        // with the default 25 MiB message limit the same message is refused before anything is decoded
        assertThatThrownBy(() -> parser.parse(raw)).isInstanceOf(MalformedEmailException.class)
                .hasMessage("the message (" + raw.length + " bytes) is over the 26214400-byte limit");
    }

    @Test
    void refusesAStreamedMessageOverTheLimitWhileReadingIt() {
        byte[] raw = withAttachment("a.bin", "application/octet-stream", new byte[4096]);
        EmailParser tiny = new EmailParser(new EmailLimits(2048, 1024, 100, 20, 200, MIB));

        assertThatThrownBy(() -> tiny.parse(new ByteArrayInputStream(raw))).isInstanceOf(MalformedEmailException.class)
                .hasMessage("the message is over the 2048-byte limit");
        assertThat(parser.parse(new ByteArrayInputStream(raw)).attachments().get(0).size()).isEqualTo(4096);
    }

    @Test
    void skipsPartsNestedDeeperThanTheLimitWithoutRecursingIntoThem() {
        int depth = 500;
        StringBuilder raw = new StringBuilder("From: nest@example.com\r\nSubject: deep\r\n"
                + "Content-Type: multipart/mixed; boundary=\"level-0-b\"\r\n\r\n"
                + "--level-0-b\r\nContent-Type: text/plain\r\n\r\nfirst level text\r\n");
        for (int level = 1; level <= depth; level++) {
            raw.append("--level-").append(level - 1).append("-b\r\n")
                    .append("Content-Type: multipart/mixed; boundary=\"level-").append(level).append("-b\"\r\n\r\n");
        }
        raw.append("--level-").append(depth).append("-b\r\nContent-Type: text/plain\r\n\r\ndeepest text\r\n");
        for (int level = depth; level >= 0; level--) {
            raw.append("--level-").append(level).append("-b--\r\n");
        }

        ParsedEmail email = parser.parse(raw.toString().getBytes(StandardCharsets.US_ASCII));

        assertThat(email.subject()).isEqualTo("deep");
        assertThat(email.text()).isEqualTo("first level text");
        assertThat(email.notes()).containsExactly("parts nested deeper than 20 levels were skipped");
    }

    @Test
    void keepsTheFirstPartsAndSkipsTheRestPastTheLimit() {
        EmailParser threeParts = new EmailParser(new EmailLimits(MIB, 64 * 1024, 1000, 20, 3, MIB));
        String[] lines = {"From: a@example.com", "Content-Type: multipart/mixed; boundary=\"p\"", "",
                "--p", "Content-Type: text/plain", "", "body",
                "--p", "Content-Type: text/csv; name=\"1.csv\"", "", "a,b",
                "--p", "Content-Type: text/csv; name=\"2.csv\"", "", "c,d",
                "--p", "Content-Type: text/csv; name=\"3.csv\"", "", "e,f",
                "--p", "Content-Type: text/csv; name=\"4.csv\"", "", "g,h",
                "--p--"};

        ParsedEmail email = threeParts.parse(message(lines));

        assertThat(email.attachments()).extracting(EmailAttachment::name).containsExactly("1.csv", "2.csv");
        assertThat(email.notes()).containsExactly("the message has more than 3 parts: the ones after the first 3 were skipped");
    }

    @Test
    void refusesAHeaderFieldOverTheHeaderLimit() {
        byte[] raw = message("From: a@example.com", "X-Padding: " + "x".repeat(70_000), "Subject: big", "", "body");

        assertThatThrownBy(() -> parser.parse(raw)).isInstanceOf(MalformedEmailException.class)
                .hasMessage("a header field is over the 65536-byte limit");
    }

    @Test
    void refusesAHeaderSectionOverTheHeaderLimit() {
        StringBuilder raw = new StringBuilder("From: a@example.com\r\n");
        for (int i = 0; i < 800; i++) {
            raw.append("X-Field-").append(i).append(": ").append("y".repeat(80)).append("\r\n");
        }
        raw.append("\r\nbody\r\n");

        assertThatThrownBy(() -> parser.parse(raw.toString().getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(MalformedEmailException.class)
                .hasMessage("the header section is over the 65536-byte limit");
    }

    @Test
    void ignoresHeaderFieldsPastTheCountLimit() {
        EmailParser fiveFields = new EmailParser(new EmailLimits(MIB, 64 * 1024, 5, 20, 200, MIB));
        byte[] raw = message("From: a@example.com", "X-1: 1", "X-2: 2", "X-3: 3", "X-4: 4", "Subject: sixth", "", "body");

        ParsedEmail email = fiveFields.parse(raw);

        assertThat(email.from().address()).isEqualTo("a@example.com");
        assertThat(email.subject()).isNull();
        assertThat(email.notes()).containsExactly("a header section is over 5 fields: the fields after the limit were ignored");
    }

    @Test
    void cutsAPartsHeaderSectionOverTheLimitInsteadOfRefusingTheMessage() {
        EmailParser smallHeaders = new EmailParser(new EmailLimits(MIB, 1024, 1000, 20, 200, MIB));
        List<String> lines = new ArrayList<>(List.of("From: a@example.com", "Subject: padded part",
                "Content-Type: multipart/mixed; boundary=\"h\"", "", "--h", "Content-Type: application/pdf"));
        for (int i = 0; i < 30; i++) {
            lines.add("X-Padding-" + i + ": " + "p".repeat(40));
        }
        lines.addAll(List.of("Content-Disposition: attachment; filename=\"lost.pdf\"", "", "%PDF", "--h--"));

        ParsedEmail email = smallHeaders.parse(message(lines.toArray(String[]::new)));

        assertThat(email.subject()).isEqualTo("padded part");
        assertThat(email.attachments()).singleElement().satisfies(pdf -> {
            assertThat(pdf.contentType()).isEqualTo("application/pdf");
            assertThat(pdf.name()).isNull();
        });
        assertThat(email.notes()).containsExactly("a header section is over 1024 bytes: the fields after the limit were ignored");
    }

    @Test
    void refusesInputWithNothingToDecode() {
        assertThatThrownBy(() -> parser.parse(new byte[0])).isInstanceOf(MalformedEmailException.class)
                .hasMessage("the message is empty");
        assertThatThrownBy(() -> parser.parse(" \r\n\r\n".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(MalformedEmailException.class).hasMessage("the message is empty");
        assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(MalformedEmailException.class).hasMessage("the message is empty");
        assertThatThrownBy(() -> parser.parse("just a line of text without any header".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(MalformedEmailException.class).hasMessage("the message has no header section");
        assertThatThrownBy(() -> parser.parse("\r\nbody after an empty header".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(MalformedEmailException.class).hasMessage("the message has no header section");
    }

    @Test
    void rejectsLimitsThatAreNotPositive() {
        assertThatThrownBy(() -> new EmailLimits(0, 1, 1, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EmailLimits(1, 1, 1, 0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] withAttachment(String name, String type, byte[] content) {
        return message("From: Sender <sender@example.com>", "Subject: file", "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"b1\"", "",
                "--b1", "Content-Type: text/plain; charset=utf-8", "", "see attached",
                "--b1", "Content-Type: " + type + "; name=\"" + name + "\"", "Content-Disposition: attachment; filename=\"" + name + "\"",
                "Content-Transfer-Encoding: base64", "", Base64.getMimeEncoder().encodeToString(content),
                "--b1--");
    }

    /** 50 MiB of random bytes, base64-encoded as a mail client sends them (about 68 MB of message). */
    private static byte[] fiftyMegabyteAttachmentMessage() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(72 * 1024 * 1024);
        out.write(String.join("\r\n", "From: a@example.com", "Subject: big", "Content-Type: multipart/mixed; boundary=\"zz\"", "",
                "--zz", "Content-Type: text/plain", "", "see attached",
                "--zz", "Content-Type: application/octet-stream", "Content-Disposition: attachment; filename=\"big.bin\"",
                "Content-Transfer-Encoding: base64", "", "").getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = new byte[1024 * 1024];
        new Random(42).nextBytes(chunk);
        try (OutputStream base64 = Base64.getMimeEncoder().wrap(new FilterOutputStream(out) {
            @Override
            public void close() {
                // keep the message open for the closing boundary
            }
        })) {
            for (int i = 0; i < 50; i++) {
                base64.write(chunk);
            }
        }
        out.write("\r\n--zz--\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
