package io.omnichannel.gateway.adapters.sms.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.gateway.adapters.rest.FormBody;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.InboundMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TwilioInboundNormalizerTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void normalizesTheRealInboundSmsSample() throws IOException {
        InboundMessage message = TwilioInboundNormalizer.normalize(FormBody.parse(sample("inbound_sms.form")), NOW);

        assertThat(message.channel()).isEqualTo(Channel.SMS);
        assertThat(message.provider()).isEqualTo("twilio");
        assertThat(message.inbox()).isEqualTo("+19253920364");
        assertThat(message.externalId()).isEqualTo("SM1521fa559fb923c1ed64f56cd1bed8ef");
        assertThat(message.customer().handle()).isEqualTo("+19253920364");
        assertThat(message.text()).isEqualTo("twilio-go testing!");
        assertThat(message.receivedAt()).isEqualTo(NOW);
        assertThat(message.attachments()).isEmpty();
        assertThat(message.metadata()).containsEntry("AccountSid", "AC58f1e8f2b1c6b88ca90a012a4be0c279")
                .containsEntry("FromCity", "BRENTWOOD").containsEntry("NumSegments", "1");
        assertThat(message.conversationKey()).isEqualTo("sms:+19253920364:+19253920364");
        assertThat(message.id()).isEqualTo(
                TwilioInboundNormalizer.normalize(FormBody.parse(sample("inbound_sms.form")), NOW.plusSeconds(9)).id());
    }

    @Test
    void keepsMmsMediaAsAttachmentsAndUnicodeText() {
        String form = "MessageSid=MM1&From=%2B989121234567&To=%2B15550001111&Body=%D8%B3%D9%84%D8%A7%D9%85+%E4%BD%A0%E5%A5%BD"
                + "&NumMedia=2&MediaUrl0=https%3A%2F%2Fapi.twilio.com%2Fmedia%2FME1&MediaContentType0=image%2Fjpeg"
                + "&MediaUrl1=https%3A%2F%2Fapi.twilio.com%2Fmedia%2FME2&MediaContentType1=video%2Fmp4";
        InboundMessage message = TwilioInboundNormalizer.normalize(FormBody.parse(form), NOW);

        assertThat(message.text()).isEqualTo("سلام 你好");
        assertThat(message.attachments()).extracting("name", "contentType", "ref").containsExactly(
                org.assertj.core.groups.Tuple.tuple("ME1", "image/jpeg", "https://api.twilio.com/media/ME1"),
                org.assertj.core.groups.Tuple.tuple("ME2", "video/mp4", "https://api.twilio.com/media/ME2"));
    }

    @Test
    void normalizesTheMmsSampleWithBothMediaAsAttachments() throws IOException {
        InboundMessage message = TwilioInboundNormalizer.normalize(FormBody.parse(sample("CONSTRUCTED_inbound_mms.form")), NOW);

        assertThat(message.externalId()).isEqualTo("MM3f5e2d1c0b9a8f7e6d5c4b3a2f1e0d9c");
        assertThat(message.customer().handle()).isEqualTo("+14155550199");
        assertThat(message.customer().displayName()).isEqualTo("Ada");
        assertThat(message.text()).isEqualTo("سلام — 你好");
        assertThat(message.sentAt()).isNull();
        assertThat(message.attachments()).extracting("name", "contentType").containsExactly(
                org.assertj.core.groups.Tuple.tuple("ME0a1b2c3d4e5f60718293a4b5c6d7e8f9", "image/jpeg"),
                org.assertj.core.groups.Tuple.tuple("ME9f8e7d6c5b4a39281706f5e4d3c2b1a0", "application/pdf"));
        assertThat(message.attachments().get(0).ref()).startsWith("https://api.twilio.com/2010-04-01/Accounts/");
    }

    @Test
    void usesTheConfiguredInboxIdWhenThereIsOne() throws IOException {
        InboundMessage message = TwilioInboundNormalizer.normalize("sms-us", FormBody.parse(sample("inbound_sms.form")), NOW);

        assertThat(message.inbox()).isEqualTo("sms-us");
        assertThat(message.conversationKey()).isEqualTo("sms:sms-us:+19253920364");
        assertThat(message.metadata()).containsEntry("To", "+19253920364");
    }

    @Test
    void namesTheMissingField() {
        assertThatThrownBy(() -> TwilioInboundNormalizer.normalize(FormBody.parse("MessageSid=SM1&To=%2B1555"), NOW))
                .isInstanceOf(WebhookRejectedException.class)
                .satisfies(e -> assertThat(((WebhookRejectedException) e).problem().field()).isEqualTo("From"));
        assertThatThrownBy(() -> TwilioInboundNormalizer.normalize(FormBody.parse("MessageSid=SM1&From=a&To=b&NumMedia=x"), NOW))
                .hasMessageContaining("NumMedia");
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = TwilioInboundNormalizerTest.class.getResourceAsStream("/samples/sms/twilio/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
