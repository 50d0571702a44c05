package io.omnichannel.gateway.adapters.social.whatsapp;

import static io.omnichannel.gateway.adapters.social.MetaSamples.GRAPH;
import static io.omnichannel.gateway.adapters.social.MetaSamples.NOW;
import static io.omnichannel.gateway.adapters.social.MetaSamples.WHATSAPP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.omnichannel.gateway.adapters.inbound.Normalized;
import io.omnichannel.gateway.adapters.inbound.StatusReport;
import io.omnichannel.gateway.adapters.inbox.UnknownInboxException;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import io.omnichannel.gateway.adapters.social.MetaProduct;
import io.omnichannel.gateway.adapters.social.MetaSamples;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.DeliveryStatus;
import io.omnichannel.gateway.contract.InboundMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Every WhatsApp Cloud API sample, decoded. */
class WhatsAppNormalizationTest {

    @Test
    void decodesATextMessageWithItsSenderAndTime() {
        InboundMessage message = only("wa_text.json");

        assertThat(message.channel()).isEqualTo(Channel.SOCIAL);
        assertThat(message.provider()).isEqualTo("whatsapp");
        assertThat(message.inbox()).isEqualTo("wa-support");
        assertThat(message.externalId()).isEqualTo("wamid.xyzxyz");
        assertThat(message.customer().handle()).isEqualTo("+972987654321");
        assertThat(message.customer().displayName()).isEqualTo("Test Name");
        assertThat(message.text()).isEqualTo("Body Text");
        assertThat(message.attachments()).isEmpty();
        assertThat(message.sentAt()).isEqualTo(Instant.ofEpochSecond(1697043223));
        assertThat(message.receivedAt()).isEqualTo(NOW);
        assertThat(message.conversationKey()).isEqualTo("social:wa-support:+972987654321");
        assertThat(message.metadata()).containsEntry("type", "text").containsEntry("wa-id", "972987654321")
                .containsEntry("user-id", "US.13491208655302741918").containsEntry("phone-number-id", "1122334455667")
                .containsEntry("parent-user-id", "US.ENT.11815799212886844830");
        assertThat(message.id()).isEqualTo(only("wa_text.json").id());
    }

    @Test
    void decodesUnicodeEscapesAsMetaSendsThem() {
        assertThat(only("wa_text_unicode_escaped_CONSTRUCTED.json").text()).isEqualTo("مرحبا، أحتاج مساعدة 👋 café");
    }

    @Test
    void identifiesASenderWithoutAPhoneNumberByTheirUserId() {
        InboundMessage message = only("CONSTRUCTED_wa_text_username_no_phone.json");

        assertThat(message.customer().handle()).isEqualTo("US.13491208655302741918");
        assertThat(message.customer().displayName()).isEqualTo("Test Name");
        assertThat(message.text()).isEqualTo("Hello without a phone number");
        assertThat(message.externalId()).isEqualTo("wamid.CONSTRUCTED1");
        assertThat(message.sentAt()).isEqualTo(Instant.ofEpochSecond(1697043223));
        assertThat(message.metadata()).containsEntry("username", "testname").containsEntry("user-id", "US.13491208655302741918")
                .containsEntry("parent-user-id", "US.ENT.11815799212886844830").doesNotContainKey("wa-id");
        assertThat(message.conversationKey()).isEqualTo("social:wa-support:US.13491208655302741918");
    }

    @Test
    void keepsImagesAsAttachmentsToFetchFromTheGraphApi() {
        InboundMessage message = only("wa_image.json");

        assertThat(message.text()).isEmpty();
        assertThat(message.sentAt()).isEqualTo(Instant.ofEpochSecond(1697043379));
        assertThat(message.attachments()).extracting("name", "contentType", "size", "ref")
                .containsExactly(tuple("image-65463453.jpg", "image/jpeg", null, GRAPH + "/65463453"));
        assertThat(message.metadata()).containsEntry("type", "image").containsEntry("media-id", "65463453")
                .containsEntry("media-sha256", "4654+8g=");
    }

    @Test
    void usesTheMediaUrlWhenTheWebhookHasOne() {
        assertThat(only("wa_image_with_url.json").attachments()).extracting("ref").containsExactly(
                "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=65463453&source=webhook&ext=487r9re"
                        + "&hash=heiwchueowbcew-dnedcw");
    }

    @Test
    void keepsADocumentsNameAndCaption() {
        InboundMessage message = only("wa_document.json");

        assertThat(message.text()).isEqualTo("caption");
        assertThat(message.attachments()).extracting("name", "contentType", "ref")
                .containsExactly(tuple("filename.pdf", "application/pdf", GRAPH + "/1234567890987654321"));
        assertThat(message.metadata()).containsEntry("forwarded", "true");
        assertThat(message.sentAt()).isEqualTo(Instant.ofEpochSecond(1697043666));
    }

    @Test
    void keepsAVoiceNoteAsAnAudioAttachment() {
        InboundMessage message = only("wa_voice.json");

        assertThat(message.text()).isEmpty();
        assertThat(message.attachments()).extracting("name", "contentType")
                .containsExactly(tuple("voice-1234567890987654321.ogg", "audio/ogg; codecs=opus"));
        assertThat(message.metadata()).containsEntry("voice", "true").containsEntry("type", "audio");
    }

    @Test
    void describesALocationInTheText() {
        InboundMessage message = only("wa_location.json");

        assertThat(message.text()).isEqualTo("Location: 12.25089, 43.90539");
        assertThat(message.metadata()).containsEntry("latitude", "12.25089").containsEntry("longitude", "43.90539");
        assertThat(message.sentAt()).isEqualTo(Instant.ofEpochSecond(1697044557));
    }

    @Test
    void turnsAReactionIntoAShortMessageNamingTheMessageReactedTo() {
        InboundMessage message = only("wa_reaction.json");

        assertThat(message.text()).isEqualTo("Reacted 😮");
        assertThat(message.metadata()).containsEntry("type", "reaction").containsEntry("reaction-to", "wamid.yzxyzx=")
                .containsEntry("reaction-emoji", "😮");
    }

    @Test
    void keepsTheQuotedMessageOfAReply() {
        InboundMessage message = only("wa_text_reply_context.json");

        assertThat(message.text()).isEqualTo("replied text");
        assertThat(message.metadata()).containsEntry("in-reply-to", "wamid.xyzxyz==");
    }

    @Test
    void saysSoInTheTextWhenWhatsappCouldNotDeliverTheMessageType() {
        InboundMessage message = only("wa_unsupported_error.json");

        assertThat(message.externalId()).isEqualTo("wamid.wegrchytvwcggt=");
        assertThat(message.text()).isEqualTo("[unsupported message (interactive): Unsupported webhook payload]");
        assertThat(message.metadata()).containsEntry("unsupported", "true").containsEntry("error-code", "131000")
                .containsEntry("in-reply-to", "wamid.gvwegfretge==");
        assertThat(message.sentAt()).isEqualTo(Instant.ofEpochSecond(1700505494));
    }

    @Test
    void turnsStatusesIntoReportsOfOurRepliesAndNeverIntoMessages() {
        assertThat(status("wa_status_sent.json")).extracting("provider", "externalId", "providerStatus", "status", "occurredAt")
                .containsExactly("whatsapp", "wamid.xyzxyz", "sent", DeliveryStatus.SENT, Instant.ofEpochSecond(1698266945));
        assertThat(status("wa_status_delivered.json").status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(status("wa_status_read.json").status()).isEqualTo(DeliveryStatus.READ);
        StatusReport failed = status("wa_status_failed.json");
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.reason()).contains("130472").contains("experiment");
        assertThat(failed.occurredAt()).isEqualTo(Instant.ofEpochSecond(1689380458));
    }

    @Test
    void normalizesEveryEntryOfABatchForTheInboxOfItsNumber() {
        String batch = """
                {"object":"whatsapp_business_account","entry":[
                 {"id":"1","changes":[{"field":"messages","value":{"messaging_product":"whatsapp",
                   "metadata":{"phone_number_id":"1122334455667"},
                   "messages":[{"from":"4477001","id":"wamid.A","timestamp":"1700000000","type":"text","text":{"body":"one"}},
                               {"from":"4477001","id":"wamid.A","timestamp":"1700000000","type":"text","text":{"body":"one"}}]}}]},
                 {"id":"2","changes":[{"field":"messages","value":{"messaging_product":"whatsapp",
                   "metadata":{"phone_number_id":"2233445566778"},
                   "messages":[{"from":"4477002","id":"wamid.B","timestamp":"1700000001","type":"text","text":{"body":"two"}}]}},
                   {"field":"account_update","value":{"event":"VERIFIED_ACCOUNT"}}]},
                 {"id":"3","changes":[{"field":"messages","value":{"messaging_product":"whatsapp",
                   "metadata":{"phone_number_id":"9988776655443"},
                   "messages":[{"from":"4477003","id":"wamid.C","timestamp":"1700000002","type":"text","text":{"body":"other app"}}]}}]}
                ]}""";

        Normalized normalized = MetaSamples.normalize(MetaProduct.WHATSAPP, WHATSAPP, batch.getBytes(StandardCharsets.UTF_8));

        assertThat(normalized.messages()).extracting("externalId", "inbox", "text").containsExactly(
                tuple("wamid.A", "wa-support", "one"), tuple("wamid.A", "wa-support", "one"), tuple("wamid.B", "wa-sales", "two"));
        assertThat(normalized.messages().get(0).id()).isEqualTo(normalized.messages().get(1).id());
    }

    @Test
    void refusesABatchForNumbersNoInboxHas() {
        String batch = """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
                  "metadata":{"phone_number_id":"5550000000000"},
                  "messages":[{"from":"4477001","id":"wamid.Z","timestamp":"1700000000","type":"text","text":{"body":"?"}}]}}]}]}""";

        assertThatThrownBy(() -> MetaSamples.normalize(MetaProduct.WHATSAPP, WHATSAPP, batch.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnknownInboxException.class).hasMessageContaining("5550000000000");
    }

    @Test
    void namesWhatIsWrongWithAMalformedWebhook() {
        assertField("{\"object\":\"page\",\"entry\":[]}", "object");
        assertField("{\"entry\":[]}", "object");
        assertField("{\"object\":\"whatsapp_business_account\",\"entry\":{}}", "entry");
        assertField("not json", "body");
        assertField("""
                {"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{
                  "metadata":{"phone_number_id":"1122334455667"},"messages":[{"from":"1","timestamp":"1","type":"text"}]}}]}]}""",
                "entry[0].changes[0].value.messages[0].id");
        assertField("""
                {"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{
                  "metadata":{"phone_number_id":"1122334455667"},
                  "messages":[{"from":"1","id":"w","timestamp":"yesterday","type":"text"}]}}]}]}""",
                "entry[0].changes[0].value.messages[0].timestamp");
    }

    private static void assertField(String body, String field) {
        assertThatThrownBy(() -> MetaSamples.normalize(MetaProduct.WHATSAPP, WHATSAPP, body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(WebhookRejectedException.class)
                .satisfies(e -> {
                    assertThat(((WebhookRejectedException) e).problem().status()).isEqualTo(400);
                    assertThat(((WebhookRejectedException) e).problem().field()).isEqualTo(field);
                });
    }

    private static InboundMessage only(String sample) {
        Normalized normalized = MetaSamples.normalize(MetaProduct.WHATSAPP, WHATSAPP, "social/whatsapp/" + sample);
        assertThat(normalized.statuses()).isEmpty();
        assertThat(normalized.messages()).hasSize(1);
        return normalized.messages().get(0);
    }

    private static StatusReport status(String sample) {
        Normalized normalized = MetaSamples.normalize(MetaProduct.WHATSAPP, WHATSAPP, "social/whatsapp/" + sample);
        assertThat(normalized.messages()).isEmpty();
        assertThat(normalized.statuses()).hasSize(1);
        return normalized.statuses().get(0);
    }
}
