package io.omnichannel.gateway.adapters.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import io.omnichannel.gateway.contract.Channel;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VisitorTest {

    /** printf '%s' customer-42 | openssl dgst -sha256 -hmac test-web-chat-secret */
    private static final String SIGNATURE_OF_CUSTOMER_42 = "a21d1331e613257c10c980c3676fa2c57f15eaf0fc3a42be3336d1b92f5a48e7";

    private static final Inbox WEB = inbox("web", "test-web-chat-secret", Map.of());
    private static final Inbox MEMBERS = inbox("members", "test-web-chat-secret", Map.of("anonymous", "false"));
    private static final Inbox NO_SECRET = inbox("open", null, Map.of());

    @Test
    void signsLikeOpenssl() {
        assertThat(VisitorSignature.sign("test-web-chat-secret", "customer-42")).isEqualTo(SIGNATURE_OF_CUSTOMER_42);
    }

    @Test
    void recognizesASignedVisitorByTheSignedId() {
        Visitor visitor = Visitor.identify(WEB, "customer-42", SIGNATURE_OF_CUSTOMER_42.toUpperCase());

        assertThat(visitor.signed()).isTrue();
        assertThat(visitor.handle()).isEqualTo("customer-42");
        assertThat(visitor.conversationKey()).isEqualTo("chat:web:customer-42");
    }

    @Test
    void refusesAWrongSignatureWith403() {
        String forged = SIGNATURE_OF_CUSTOMER_42.substring(0, 63) + "0";

        assertThatThrownBy(() -> Visitor.identify(WEB, "customer-42", forged))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.problem().status()).isEqualTo(403));
        assertThatThrownBy(() -> Visitor.identify(WEB, "customer-43", SIGNATURE_OF_CUSTOMER_42))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.problem().status()).isEqualTo(403));
        assertThatThrownBy(() -> Visitor.identify(NO_SECRET, "customer-42", SIGNATURE_OF_CUSTOMER_42))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.problem().status()).isEqualTo(403));
    }

    @Test
    void keepsAnonymousVisitorsApartFromSignedOnes() {
        Visitor anonymous = Visitor.identify(WEB, "k3Jq9zP0aXb4Lm2N", null);

        assertThat(anonymous.signed()).isFalse();
        assertThat(anonymous.handle()).isEqualTo("anonymous:k3Jq9zP0aXb4Lm2N");
        // an unsigned visitor cannot take a signed customer's id, nor a signed id the anonymous form
        assertThatThrownBy(() -> Visitor.identify(WEB, "customer-42", null))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().field()).isEqualTo("visitorId");
                });
        String anonymousLooking = "anonymous:k3Jq9zP0aXb4Lm2N";
        assertThatThrownBy(() -> Visitor.identify(WEB, anonymousLooking, VisitorSignature.sign("test-web-chat-secret", anonymousLooking)))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.problem().status()).isEqualTo(400));
    }

    @Test
    void requiresASignatureWhereTheInboxServesSignedVisitorsOnly() {
        assertThatThrownBy(() -> Visitor.identify(MEMBERS, "k3Jq9zP0aXb4Lm2N", null))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.problem().status()).isEqualTo(401));
        assertThat(Visitor.identify(MEMBERS, "customer-42", SIGNATURE_OF_CUSTOMER_42).handle()).isEqualTo("customer-42");
    }

    @Test
    void requiresAVisitorId() {
        assertThatThrownBy(() -> Visitor.identify(WEB, " ", null))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.problem().field()).isEqualTo("visitorId"));
    }

    @Test
    void allowsItsOwnOriginAndTheListedOnesOnly() {
        Inbox shop = inbox("shop", null, Map.of("allowed-origins", "https://shop.example, https://www.shop.example/"));

        assertThat(WebChat.originAllowed(shop, "https://www.shop.example", "http://localhost:8081")).isTrue();
        assertThat(WebChat.originAllowed(shop, "HTTPS://SHOP.example", "http://localhost:8081")).isTrue();
        assertThat(WebChat.originAllowed(shop, "http://localhost:8081", "http://localhost:8081")).isTrue();
        assertThat(WebChat.originAllowed(shop, null, "http://localhost:8081")).isTrue();
        assertThat(WebChat.originAllowed(shop, "https://evil.example", "http://localhost:8081")).isFalse();
        assertThat(WebChat.originAllowed(WEB, "https://shop.example", "http://localhost:8081")).isFalse();
    }

    private static Inbox inbox(String id, String secret, Map<String, String> options) {
        return new Inbox(id, Channel.CHAT, WebChat.PROVIDER, null, secret, null, null, null, null, options);
    }
}
