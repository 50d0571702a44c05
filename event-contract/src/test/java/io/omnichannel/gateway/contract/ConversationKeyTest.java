package io.omnichannel.gateway.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConversationKeyTest {

    @Test
    void roundTripsAndKeepsColonsInTheHandle() {
        ConversationKey key = ConversationKey.parse("social:wa-123:US.1349:abc");
        assertThat(key.channel()).isEqualTo(Channel.SOCIAL);
        assertThat(key.inbox()).isEqualTo("wa-123");
        assertThat(key.customerHandle()).isEqualTo("US.1349:abc");
        assertThat(key.toString()).isEqualTo("social:wa-123:US.1349:abc");
        assertThat(ConversationKey.of(Channel.SMS, "+1555", "+1666")).isEqualTo("sms:+1555:+1666");
    }

    @Test
    void rejectsWhatIsNotAKey() {
        assertThatThrownBy(() -> ConversationKey.parse("sms:+1555")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> ConversationKey.parse("sms::x")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> ConversationKey.parse("fax:a:b")).hasMessageContaining("unknown channel");
        assertThatThrownBy(() -> ConversationKey.parse(null)).isInstanceOf(MalformedEventException.class);
    }
}
