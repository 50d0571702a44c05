package io.omnichannel.gateway.conversation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.gateway.contract.Channel;
import org.junit.jupiter.api.Test;

class ConversationKeyPartsTest {

    @Test
    void splitsAtTheFirstTwoColonsSoAHandleMayContainOne() {
        ConversationKeyParts parts = ConversationKeyParts.parse("social:+15550001111:whatsapp:+15552223333");

        assertThat(parts).isEqualTo(new ConversationKeyParts(Channel.SOCIAL, "+15550001111", "whatsapp:+15552223333"));
        assertThat(parts.key()).isEqualTo("social:+15550001111:whatsapp:+15552223333");
    }

    @Test
    void trustsTheStatedChannelAndInboxWhenTheKeyStartsWithThem() {
        assertThat(ConversationKeyParts.parse("chat:https://shop.example/help:visitor-1", Channel.CHAT, "https://shop.example/help"))
                .isEqualTo(new ConversationKeyParts(Channel.CHAT, "https://shop.example/help", "visitor-1"));
        assertThat(ConversationKeyParts.parse("sms:+1555:+1666", Channel.EMAIL, "other"))
                .isEqualTo(new ConversationKeyParts(Channel.SMS, "+1555", "+1666"));
    }

    @Test
    void rejectsKeysWithoutThreePartsOrWithAnUnknownChannel() {
        for (String bad : new String[] {"sms", "sms:+1555", "sms:+1555:", ":inbox:handle", "sms::handle"}) {
            assertThatThrownBy(() -> ConversationKeyParts.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channel:inbox:customer-handle");
        }
        assertThatThrownBy(() -> ConversationKeyParts.parse("fax:inbox:handle")).hasMessageContaining("unknown channel 'fax'");
    }
}
