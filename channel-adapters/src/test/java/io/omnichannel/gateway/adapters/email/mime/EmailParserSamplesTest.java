package io.omnichannel.gateway.adapters.email.mime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnichannel.gateway.adapters.support.Samples;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample of {@code expected_decoded.json} (decoded independently, by Python's email package with the same
 * charset aliases) read by the parser: subject, sender, threading ids, the text of each body part, the file names.
 */
class EmailParserSamplesTest {

    /**
     * Where the reference decoding is known to be wrong, and what is right instead. Python cannot decode the NEC
     * characters of this ISO-2022-JP subject; Java's windows-50221 variant does (see the file's _comment).
     */
    private static final Map<String, String> CORRECTED_SUBJECTS = Map.of(
            "mime/phpmimemailparser_issue116_iso-2022-jp-subject.eml", "ЖД№41 от 28.09.2016");
    /**
     * Samples whose whole body is a base64-encoded message/rfc822: Python lists the undecoded base64 as text, the
     * parser reads the inner message (checked in {@link #readsTheInnerMessageOfABase64MessageRfc822Body()}).
     */
    private static final Set<String> UNDECODED_BY_REFERENCE = Set.of("mime/mime4j_multi-2gifs-base64.eml");

    static Stream<Arguments> samples() {
        JsonNode files = Samples.json("email/expected_decoded.json").path("files");
        return StreamSupport.stream(((Iterable<Map.Entry<String, JsonNode>>) files::fields).spliterator(), false)
                .map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    @Test
    void coversEverySampleFileOfTheReference() {
        assertThat(samples().map(arguments -> (String) arguments.get()[0]))
                .hasSize(23)
                .contains("mime/mime4j_missing-inner-boundary.eml", "threading/rfc5322_A2_3_reply_to_reply.eml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void decodesTheSampleLikeTheReference(String file, JsonNode expected) throws AddressException {
        ParsedEmail email = EmailSamples.parse(file);

        assertThat(email.subject()).isEqualTo(CORRECTED_SUBJECTS.getOrDefault(file, text(expected, "subject")));
        String from = text(expected, "from");
        if (from == null) {
            assertThat(email.from()).isNull();
        } else {
            InternetAddress first = InternetAddress.parseHeader(from, false)[0];
            assertThat(email.from().address()).isEqualTo(first.getAddress().toLowerCase());
            assertThat(email.from().displayName()).isEqualTo(first.getPersonal());
        }
        assertThat(email.messageId()).isEqualTo(withoutBrackets(text(expected, "message_id")));
        assertThat(email.inReplyTo()).isEqualTo(withoutBrackets(text(expected, "in_reply_to")));
        String references = text(expected, "references");
        assertThat(email.references()).isEqualTo(references == null ? List.of()
                : Arrays.stream(references.split("\\s+")).map(EmailParserSamplesTest::withoutBrackets).toList());

        for (JsonNode part : expected.path("parts")) {
            String contentType = part.path("content_type").asText();
            if (part.hasNonNull("filename")) {
                assertThat(email.attachments()).extracting(EmailAttachment::name).contains(part.path("filename").asText());
            } else if (part.hasNonNull("text_head") && !UNDECODED_BY_REFERENCE.contains(file)) {
                String head = normalized(part.path("text_head").asText());
                if (contentType.equals("text/html")) {
                    assertThat(email.html()).isNotNull();
                    assertThat(EmailBodies.textFromHtml(email.html())).contains(EmailBodies.textFromHtml(head));
                } else {
                    assertThat(email.text()).contains(head);
                }
            }
        }
        assertThat(email.text()).doesNotContain("\r");
    }

    @Test
    void readsTheInnerMessageOfABase64MessageRfc822Body() {
        ParsedEmail email = EmailSamples.parse("mime/mime4j_multi-2gifs-base64.eml");

        assertThat(email.subject()).isEqualTo("a multipart message/rfc822 which has been base64-encoded");
        assertThat(email.text()).startsWith("When unpacked, this message should produce two GIF files:");
        assertThat(email.newText()).doesNotContain("Eryq").endsWith("Different ways of specifying the filenames have been used.");
        assertThat(email.attachments()).extracting(EmailAttachment::name, EmailAttachment::contentType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("3d-compress.gif", "image/gif"),
                        org.assertj.core.groups.Tuple.tuple("3d-eye.gif", "image/gif"));
        assertThat(email.attachments()).allSatisfy(gif -> {
            assertThat(gif.content()).startsWith("GIF8".getBytes());
            assertThat(gif.size()).isEqualTo(gif.content().length);
        });
    }

    @Test
    void decodesGb2312LabelledTextWithTheGbkSuperset() {
        ParsedEmail email = EmailSamples.parse("mime/phpmimemailparser_failure_gb2312-label-qp.eml");

        // 0xA960 'ー' is GBK only: strict GB2312 would turn it into a replacement character
        assertThat(email.text()).startsWith("次の受信者またはグループへの配信に失敗しました:").doesNotContain("\uFFFD");
        assertThat(email.automated()).isEqualTo(AutomatedKind.BOUNCE);
    }

    @Test
    void decodesEveryCharsetOfTheUtf16AndEucJpSample() {
        ParsedEmail email = EmailSamples.parse("mime/stalwart_thirdparty005_utf16-eucjp.eml");

        assertThat(email.text()).isEqualTo("Test message\n\nTest message\n\nTest message\n\n『世界人権宣言』\n\ninvalid--1--\n");
        assertThat(email.notes()).anySatisfy(note -> assertThat(note).startsWith("missing MIME boundary").contains("\"--1--\""));
    }

    @Test
    void keepsTheRightToLeftHtmlAndItsLanguage() {
        ParsedEmail email = EmailSamples.parse("mime/CONSTRUCTED_rtl_arabic_persian_windows-1256_utf8.eml");

        assertThat(email.text()).isEqualTo("مرحباً، لم تصلني الفاتورة رقم 12345 حتى الآن.\nشكراً لكم.\n");
        assertThat(email.html()).startsWith("<div dir=\"rtl\" lang=\"fa\">").contains("<bdi>#12345</bdi>", "<p dir=\"ltr\">");
        assertThat(email.attachments()).singleElement().satisfies(pdf -> {
            assertThat(pdf.contentType()).isEqualTo("application/pdf");
            assertThat(pdf.inline()).isFalse();
            assertThat(pdf.content()).hasSize((int) pdf.size());
        });
    }

    @Test
    void decodesKoreanFileNamesAndKeepsContentIds() {
        ParsedEmail email = EmailSamples.parse("mime/phpmimemailparser_m0018_korean-ks_c_5601.eml");

        assertThat(email.language()).isEqualTo("ko-KR");
        assertThat(email.attachments()).extracting(EmailAttachment::name, EmailAttachment::contentType, EmailAttachment::contentId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("사진.JPG", "image/jpeg", "59F871198EEDDE47B81E34849CB0ED6F@company.com"),
                        org.assertj.core.groups.Tuple.tuple("ATT00001.txt", "text/plain", "57BAB4E7BA79CB40B41CE0993FA444D4@company.com"));
        assertThat(email.headers()).containsEntry("thread-topic", "[Korea] Name").containsKey("thread-index");
        // the trailing ATT00001.txt is Apple Mail's "sent from my iPhone" after the images: an attachment, not body
        assertThat(email.text()).doesNotContain("iPhone");
    }

    @Test
    void readsThreadingIdsOfTheRfc5322Conversation() {
        ParsedEmail original = EmailSamples.parse("threading/rfc5322_A2_1_original.eml");
        ParsedEmail reply = EmailSamples.parse("threading/rfc5322_A2_2_reply.eml");
        ParsedEmail replyToReply = EmailSamples.parse("threading/rfc5322_A2_3_reply_to_reply.eml");

        assertThat(reply.inReplyTo()).isEqualTo(original.messageId());
        assertThat(reply.references()).containsExactly(original.messageId());
        assertThat(reply.replyTo()).isEqualTo(new EmailAddress("smith@home.example", "Mary Smith: Personal Account"));
        assertThat(replyToReply.inReplyTo()).isEqualTo(reply.messageId());
        assertThat(replyToReply.references()).containsExactly(original.messageId(), reply.messageId());
        assertThat(replyToReply.to()).containsExactly(new EmailAddress("smith@home.example", "Mary Smith: Personal Account"));
        assertThat(original.date()).isEqualTo(java.time.Instant.parse("1997-11-21T15:55:06Z"));
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.path(field).asText() : null;
    }

    private static String withoutBrackets(String id) {
        return id == null ? null : id.replaceAll("^<|>$", "");
    }

    private static String normalized(String text) {
        return text.replace("\r\n", "\n");
    }
}
