package io.omnichannel.gateway.conversation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.gateway.contract.Channel;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentitiesTest {

    private final Identities identities = new Identities("US");

    @Test
    void normalizesPhoneNumbersToE164AndTrustsTheNumberThatTextedOrCalled() {
        assertThat(identities.ofHandle(Channel.SMS, "+1 (415) 555-2671", Map.of()))
                .isEqualTo(new IdentityRef(IdentityKind.PHONE, "+14155552671", true));
        assertThat(identities.ofHandle(Channel.PHONE, "415-555-2671", Map.of()))
                .isEqualTo(new IdentityRef(IdentityKind.PHONE, "+14155552671", true));
        assertThat(identities.ofHandle(Channel.SMS, "+44 20 7946 0018", Map.of()).value()).isEqualTo("+442079460018");
    }

    @Test
    void keepsAnInvalidNumberAsItCameButUnverified() {
        assertThat(identities.ofHandle(Channel.SMS, "ACME", Map.of()))
                .isEqualTo(new IdentityRef(IdentityKind.PHONE, "ACME", false));
    }

    @Test
    void emailAddressesAreLowerCaseAndVerifiedOnlyWhenTheChannelAuthenticatedThem() {
        assertThat(identities.ofHandle(Channel.EMAIL, "Grace@Example.COM", Map.of()))
                .isEqualTo(new IdentityRef(IdentityKind.EMAIL, "grace@example.com", false));
        assertThat(identities.ofHandle(Channel.EMAIL, "grace@example.com", Map.of("authenticated", "true")).verified()).isTrue();
    }

    @Test
    void socialHandlesNameTheirPlatformAndWhatsAppNumbersAreVerifiedPhones() {
        assertThat(identities.ofHandle(Channel.SOCIAL, "whatsapp:14155552671", Map.of()))
                .isEqualTo(new IdentityRef(IdentityKind.WHATSAPP, "+14155552671", true));
        assertThat(identities.ofHandle(Channel.SOCIAL, "messenger:2893472384", Map.of()))
                .isEqualTo(new IdentityRef(IdentityKind.MESSENGER, "2893472384", false));
        assertThat(identities.ofHandle(Channel.SOCIAL, "instagram:grace.h", Map.of()).kind()).isEqualTo(IdentityKind.INSTAGRAM);
        assertThat(identities.ofHandle(Channel.SOCIAL, "1234", Map.of()).kind()).isEqualTo(IdentityKind.OTHER);
        assertThat(identities.ofHandle(Channel.CHAT, "visitor-1", Map.of()))
                .isEqualTo(new IdentityRef(IdentityKind.CHAT_VISITOR, "visitor-1", false));
        assertThat(identities.twins(new IdentityRef(IdentityKind.WHATSAPP, "+14155552671", true)))
                .containsExactly(new IdentityRef(IdentityKind.PHONE, "+14155552671", true));
        assertThat(identities.twins(new IdentityRef(IdentityKind.PHONE, "ACME", false))).isEmpty();
    }

    @Test
    void readsVerifiedAddressesAProviderReported() {
        assertThat(identities.verifiedClaims(Map.of("customer.verifiedEmail", "Ada@Example.com",
                "customer.verifiedPhone", "(415) 555-2671")))
                .containsExactlyInAnyOrder(new IdentityRef(IdentityKind.EMAIL, "ada@example.com", true),
                        new IdentityRef(IdentityKind.PHONE, "+14155552671", true));
        assertThat(identities.verifiedClaims(Map.of("customer.verifiedEmail", "not an address"))).isEmpty();
    }

    @Test
    void validatesWhatAgentsType() {
        assertThat(identities.typed(IdentityKind.PHONE, "415 555 2671").value()).isEqualTo("+14155552671");
        assertThat(identities.typed(IdentityKind.EMAIL, " Ada@Example.com ").value()).isEqualTo("ada@example.com");
        assertThatThrownBy(() -> identities.typed(IdentityKind.PHONE, "12")).hasMessageContaining("not a valid phone number");
        assertThatThrownBy(() -> identities.typed(IdentityKind.EMAIL, "ada")).hasMessageContaining("not an email address");
        assertThatThrownBy(() -> identities.typed(IdentityKind.CHAT_VISITOR, " ")).hasMessageContaining("empty");
    }
}
