package io.omnichannel.gateway.adapters.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.gateway.adapters.config.AdaptersConfig.InboxConfig;
import io.omnichannel.gateway.contract.Channel;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InboxRegistryTest {

    private final InboxRegistry registry = new InboxRegistry(Map.of(
            "sms-us", config("sms", "twilio", "+15550001111", "us-token"),
            "crm", config("chat", "api", null, "crm-secret")), "default-token", "ACdefault");

    @Test
    void findsInboxesByIdAndByProviderAndAddress() {
        assertThat(registry.require("twilio", "sms-us").secret()).isEqualTo("us-token");
        assertThat(registry.require("api", "crm").channel()).isEqualTo(Channel.CHAT);
        assertThat(registry.byAddress("twilio", "+15550001111")).map(Inbox::id).contains("sms-us");
        assertThat(registry.byAddress("vonage", "+15550001111")).isEmpty();
    }

    @Test
    void answersUnknownOrOtherProvidersInboxesAsUnknown() {
        assertThatThrownBy(() -> registry.require("twilio", "nope")).isInstanceOf(UnknownInboxException.class);
        assertThatThrownBy(() -> registry.require("twilio", "crm")).isInstanceOf(UnknownInboxException.class);
    }

    @Test
    void servesOtherTwilioNumbersFromTheDefaultInboxUnderTheirNumber() {
        assertThat(registry.twilioFor("+15550001111").id()).isEqualTo("sms-us");
        Inbox other = registry.twilioFor("+15550009999");
        assertThat(other.id()).isEqualTo("+15550009999");
        assertThat(other.address()).isEqualTo("+15550009999");
        assertThat(other.secret()).isEqualTo("default-token");
        assertThat(other.account()).isEqualTo("ACdefault");
        InboxRegistry withoutDefault = new InboxRegistry(Map.of(), null, null);
        assertThatThrownBy(() -> withoutDefault.twilioFor("+15550009999")).isInstanceOf(UnknownInboxException.class);
    }

    @Test
    void findsTheInboxAReplyNamesByIdOrNumber() {
        assertThat(registry.forReply("twilio", "sms-us")).map(Inbox::address).contains("+15550001111");
        assertThat(registry.forReply("twilio", "+15550001111")).map(Inbox::id).contains("sms-us");
        assertThat(registry.forReply("twilio", "+15550007777")).map(Inbox::secret).contains("default-token");
        assertThat(registry.forReply("api", "crm")).isPresent();
        assertThat(registry.forReply("api", "nope")).isEmpty();
    }

    @Test
    void refusesTwoInboxesWithTheSameAddressAndAnUnknownChannel() {
        assertThatThrownBy(() -> new InboxRegistry(Map.of(
                "a", config("sms", "twilio", "+1555", "x"), "b", config("sms", "twilio", "+1555", "y")), null, null))
                .hasMessageContaining("+1555");
        assertThatThrownBy(() -> new InboxRegistry(Map.of("a", config("fax", "twilio", null, "x")), null, null))
                .hasMessageContaining("adapters.inboxes.\"a\".channel");
    }

    private static InboxConfig config(String channel, String provider, String address, String secret) {
        return new InboxConfig() {
            public String channel() {
                return channel;
            }

            public String provider() {
                return provider;
            }

            public Optional<String> address() {
                return Optional.ofNullable(address);
            }

            public Optional<String> secret() {
                return Optional.ofNullable(secret);
            }

            public Optional<String> account() {
                return Optional.empty();
            }

            public Optional<String> apiToken() {
                return Optional.empty();
            }

            public Optional<String> publicUrl() {
                return Optional.empty();
            }

            public Optional<String> webhookUrl() {
                return Optional.empty();
            }

            public Map<String, String> options() {
                return Map.of();
            }
        };
    }
}
