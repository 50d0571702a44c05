package io.omnichannel.gateway.adapters.social.messenger;

import static io.omnichannel.gateway.adapters.social.MetaSamples.INSTAGRAM;
import static io.omnichannel.gateway.adapters.social.MetaSamples.PAGE;
import static io.omnichannel.gateway.adapters.social.MetaSamples.PAGE_WITHOUT_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.omnichannel.gateway.adapters.inbound.Normalized;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.social.MetaProduct;
import io.omnichannel.gateway.adapters.social.MetaSamples;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.DeliveryStatus;
import io.omnichannel.gateway.contract.InboundMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every Messenger and Instagram sample, decoded; echoes, reads, deliveries and deletions are never customers' messages. */
class MessagingNormalizationTest {

    @Test
    void decodesAMessengerTextWithThePageScopedSender() {
        InboundMessage message = only(MetaProduct.MESSENGER, PAGE, "social/messenger/fb_text_message_legacy_docs.json");

        assertThat(message.channel()).isEqualTo(Channel.SOCIAL);
        assertThat(message.provider()).isEqualTo("messenger");
        assertThat(message.inbox()).isEqualTo("fb-page");
        assertThat(message.externalId()).isEqualTo("mid.1457764197618:41d102a3e1ae206a38");
        assertThat(message.customer().handle()).isEqualTo("USER_ID");
        assertThat(message.customer().displayName()).isNull();
        assertThat(message.text()).isEqualTo("hello, world!");
        assertThat(message.attachments()).isEmpty();
        assertThat(message.sentAt()).isEqualTo(Instant.ofEpochMilli(1457764197627L));
        assertThat(message.metadata()).containsEntry("page-id", "PAGE_ID").containsEntry("type", "message");
        assertThat(message.conversationKey()).isEqualTo("social:fb-page:USER_ID");
    }

    @Test
    void decodesThePublishedCrlfSampleSignedWithItsOwnSecret() {
        Inbox bot = new Inbox("fb-bot", Channel.SOCIAL, "messenger", "123123123", "TestAppSecret", null, null, null, null, Map.of());

        InboundMessage message = only(MetaProduct.MESSENGER, bot, "social/messenger/fb_text_message_crlf.json");

        assertThat(message.text()).isEqualTo("asd");
        assertThat(message.customer().handle()).isEqualTo("123123123");
        assertThat(message.externalId()).startsWith("Q3znCzp31iKkarGc");
        assertThat(message.sentAt()).isEqualTo(Instant.ofEpochMilli(1570649960249L));
    }

    @Test
    void turnsAPostbackIntoAMessageWithTheButtonsTitle() {
        InboundMessage message = only(MetaProduct.MESSENGER, PAGE_WITHOUT_ADDRESS, "social/messenger/fb_postback.json");

        assertThat(message.text()).isEqualTo("title");
        assertThat(message.externalId()).isEqualTo("m_1457764197618:41d102a3e1ae206a38");
        assertThat(message.customer().handle()).isEqualTo("0");
        assertThat(message.sentAt()).isEqualTo(Instant.ofEpochMilli(2222222));
        assertThat(message.metadata()).containsEntry("type", "postback").containsEntry("postback-payload", "USER_DEFINED_PAYLOAD")
                .containsEntry("referral-ref", "USER_DEFINED_REFERRAL_PARAM");
    }

    @Test
    void reportsDeliveriesOfOurRepliesInsteadOfPublishingThem() {
        Normalized normalized = MetaSamples.normalize(MetaProduct.MESSENGER, PAGE, "social/messenger/fb_delivery_legacy_docs.json");

        assertThat(normalized.messages()).isEmpty();
        assertThat(normalized.statuses()).extracting("provider", "externalId", "status", "occurredAt").containsExactly(
                tuple("messenger", "mid.1458668856218:ed81099e15d3f4f233", DeliveryStatus.DELIVERED,
                        Instant.ofEpochMilli(1458668856253L)));
    }

    @Test
    void skipsEchoesOfWhatThePageSent() {
        Normalized normalized = MetaSamples.normalize(MetaProduct.MESSENGER, PAGE,
                MetaSamples.inPageEnvelope("social/messenger/fb_echo_docs_event.json", "111111"));

        assertThat(normalized.messages()).isEmpty();
        assertThat(normalized.statuses()).isEmpty();
    }

    @Test
    void skipsMessengerReadsThatNameNoMessage() {
        Normalized normalized = MetaSamples.normalize(MetaProduct.MESSENGER, PAGE,
                MetaSamples.inPageEnvelope("social/messenger/fb_message_read_docs_event.json", "111111"));

        assertThat(normalized.messages()).isEmpty();
        assertThat(normalized.statuses()).isEmpty();
    }

    @Test
    void keepsOnlyTheCustomersMessageOfAMixedBatch() {
        String batch = """
                {"object":"page","entry":[{"id":"111111","time":1,"messaging":[
                  {"sender":{"id":"111111"},"recipient":{"id":"PSID-9"},"timestamp":10,"message":{"is_echo":true,"mid":"m_echo","text":"our reply"}},
                  {"sender":{"id":"PSID-9"},"recipient":{"id":"111111"},"timestamp":11,"read":{"watermark":10}},
                  {"sender":{"id":"PSID-9"},"recipient":{"id":"111111"},"timestamp":12,"delivery":{"mids":["m_echo"],"watermark":10}},
                  {"sender":{"id":"PSID-9"},"recipient":{"id":"111111"},"timestamp":13,"message":{"mid":"m_customer","text":"thanks",
                    "reply_to":{"mid":"m_echo"},"quick_reply":{"payload":"YES"}}}]}]}""";

        Normalized normalized = MetaSamples.normalize(MetaProduct.MESSENGER, PAGE, batch.getBytes(StandardCharsets.UTF_8));

        assertThat(normalized.messages()).extracting("externalId", "text").containsExactly(tuple("m_customer", "thanks"));
        assertThat(normalized.messages().get(0).metadata()).containsEntry("in-reply-to", "m_echo")
                .containsEntry("quick-reply-payload", "YES");
        assertThat(normalized.statuses()).extracting("externalId", "status").containsExactly(tuple("m_echo", DeliveryStatus.DELIVERED));
    }

    @Test
    void decodesAnInstagramTextWithTheInstagramScopedSender() {
        InboundMessage message = only(MetaProduct.INSTAGRAM, INSTAGRAM, "social/instagram/ig_text_docs.json");

        assertThat(message.provider()).isEqualTo("instagram");
        assertThat(message.inbox()).isEqualTo("ig-shop");
        assertThat(message.externalId()).isEqualTo("MESSAGE-ID");
        assertThat(message.customer().handle()).isEqualTo("IGSID");
        assertThat(message.text()).isEqualTo("MESSAGE-TEXT");
        assertThat(message.sentAt()).isEqualTo(Instant.ofEpochMilli(1569262485349L));
        assertThat(message.metadata()).containsEntry("instagram-id", "IGID");
    }

    @Test
    void keepsAnInstagramImageAsAnAttachment() {
        InboundMessage message = only(MetaProduct.INSTAGRAM, INSTAGRAM, "social/instagram/ig_image_attachment_docs.json");

        assertThat(message.text()).isEmpty();
        assertThat(message.attachments()).extracting("name", "contentType", "ref").containsExactly(tuple("image-1", "image/*",
                "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=ASSET-ID&signature=SIGNATURE"));
    }

    @Test
    void describesASharedPostInTheText() {
        Inbox anyAccount = new Inbox("ig-any", Channel.SOCIAL, "instagram", null, MetaSamples.SECRET, null, null, null, null, Map.of());

        InboundMessage message = only(MetaProduct.INSTAGRAM, anyAccount, "social/instagram/ig_share_ig_post_docs.json");

        assertThat(message.text()).isEqualTo("Shared a post: Build a workspace that attracts talent and supports your team with "
                + "solutions made for growing businesses. https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=18139494541428835={SIGNATURE}");
        assertThat(message.customer().handle()).isEqualTo("{SENDER_ID}");
        assertThat(message.metadata()).containsEntry("ig-post-media-id", "18139494541428835");
        assertThat(message.sentAt()).isEqualTo(Instant.ofEpochMilli(1761287294014L));
    }

    @Test
    void turnsAnInstagramReactionIntoAShortMessage() {
        InboundMessage message = only(MetaProduct.INSTAGRAM, INSTAGRAM, "social/instagram/ig_reaction_docs.json");

        assertThat(message.text()).isEqualTo("Reacted ❤");
        assertThat(message.externalId()).isEqualTo("reaction:MESSAGE-ID:IGSID:react:1569262485349");
        assertThat(message.metadata()).containsEntry("type", "reaction").containsEntry("reaction-to", "MESSAGE-ID")
                .containsEntry("reaction", "love");
    }

    @Test
    void reportsAnInstagramSeenAsReadAndSkipsDeletions() {
        Normalized seen = MetaSamples.normalize(MetaProduct.INSTAGRAM, INSTAGRAM, "social/instagram/ig_seen_docs.json");
        Normalized deleted = MetaSamples.normalize(MetaProduct.INSTAGRAM, INSTAGRAM, "social/instagram/ig_deleted_docs.json");

        assertThat(seen.messages()).isEmpty();
        assertThat(seen.statuses()).extracting("provider", "externalId", "status")
                .containsExactly(tuple("instagram", "MESSAGE-ID", DeliveryStatus.READ));
        assertThat(deleted.messages()).isEmpty();
        assertThat(deleted.statuses()).isEmpty();
    }

    private static InboundMessage only(MetaProduct product, Inbox inbox, String sample) {
        Normalized normalized = MetaSamples.normalize(product, inbox, sample);
        assertThat(normalized.statuses()).isEmpty();
        assertThat(normalized.messages()).hasSize(1);
        return normalized.messages().get(0);
    }
}
