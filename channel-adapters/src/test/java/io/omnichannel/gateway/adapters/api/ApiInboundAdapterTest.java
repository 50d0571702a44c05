package io.omnichannel.gateway.adapters.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.gateway.adapters.inbound.WebhookRequest;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.InboundMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiInboundAdapterTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String SECRET = "crm-secret";
    private final Inbox inbox = new Inbox("crm", Channel.CHAT, "api", null, SECRET, null, null, null, null, Map.of());
    private final ApiInboundAdapter adapter = new ApiInboundAdapter(Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void normalizesASignedMessage() {
        String body = """
                {"externalId":"crm-msg-1","customer":{"handle":"user-42","displayName":"Dariush"},"text":"سلام، سفارش من کجاست؟",
                 "sentAt":"2026-11-23T11:59:30Z","threadRef":"ticket-7","language":"fa",
                 "attachments":[{"name":"invoice.pdf","contentType":"application/pdf","size":1024,"ref":"https://crm.example/f/1"}]}""";
        WebhookRequest request = signed(body, NOW.getEpochSecond());

        adapter.verify(inbox, request);
        InboundMessage message = adapter.normalize(inbox, adapter.parse(request), NOW).messages().get(0);

        assertThat(message.channel()).isEqualTo(Channel.CHAT);
        assertThat(message.provider()).isEqualTo("api");
        assertThat(message.inbox()).isEqualTo("crm");
        assertThat(message.externalId()).isEqualTo("crm-msg-1");
        assertThat(message.customer().handle()).isEqualTo("user-42");
        assertThat(message.customer().displayName()).isEqualTo("Dariush");
        assertThat(message.text()).isEqualTo("سلام، سفارش من کجاست؟");
        assertThat(message.sentAt()).isEqualTo(Instant.parse("2026-11-23T11:59:30Z"));
        assertThat(message.receivedAt()).isEqualTo(NOW);
        assertThat(message.threadRef()).isEqualTo("ticket-7");
        assertThat(message.language()).isEqualTo("fa");
        assertThat(message.attachments()).singleElement().satisfies(a -> assertThat(a.size()).isEqualTo(1024L));
        assertThat(message.conversationKey()).isEqualTo("chat:crm:user-42");
    }

    @Test
    void refusesMissingStaleAndWrongSignatures() {
        String body = "{\"externalId\":\"x\",\"customer\":{\"handle\":\"u\"}}";
        WebhookRequest unsigned = new WebhookRequest("POST", "u", Map.of(), null, body.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> adapter.verify(inbox, unsigned)).satisfies(e -> assertStatus(e, 401));

        WebhookRequest stale = signed(body, NOW.minus(Duration.ofMinutes(6)).getEpochSecond());
        assertThatThrownBy(() -> adapter.verify(inbox, stale)).satisfies(e -> assertStatus(e, 401))
                .hasMessageContaining("replays");

        long now = NOW.getEpochSecond();
        WebhookRequest tampered = new WebhookRequest("POST", "u", Map.of(
                "x-gateway-timestamp", List.of(Long.toString(now)),
                "x-gateway-signature", List.of(ApiSignature.sign(SECRET, now, body.getBytes(StandardCharsets.UTF_8)))), null,
                body.replace("\"x\"", "\"y\"").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> adapter.verify(inbox, tampered)).satisfies(e -> assertStatus(e, 403));
    }

    @Test
    void namesTheFieldAtFault() {
        assertThatThrownBy(() -> adapter.parse(request("{\"customer\":{\"handle\":\"u\"}}")))
                .satisfies(e -> assertField(e, "externalId"));
        assertThatThrownBy(() -> adapter.parse(request("{\"externalId\":\"x\"}")))
                .satisfies(e -> assertField(e, "customer.handle"));
        assertThatThrownBy(() -> adapter.parse(request("{\"externalId\":\"x\",\"customer\":{\"handle\":\"u\"},\"sentAt\":\"soon\"}")))
                .satisfies(e -> assertField(e, "sentAt"));
        assertThatThrownBy(() -> adapter.parse(request("{\"externalId\":\"x\",\"customer\":{\"handle\":\"u\"},\"txt\":\"typo\"}")))
                .satisfies(e -> assertField(e, "txt"));
        assertThatThrownBy(() -> adapter.parse(request("not json"))).satisfies(e -> assertField(e, "body"));
    }

    @Test
    void signsWithTheDocumentedScheme() {
        // printf '1795435200.{}' | openssl dgst -sha256 -hmac crm-secret
        assertThat(ApiSignature.sign(SECRET, 1795435200L, "{}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=a224b14307cc3778b623f73191993b2ff4538de30d2849894e0203242febd4d9");
    }

    private static void assertStatus(Throwable e, int status) {
        assertThat(e).isInstanceOf(WebhookRejectedException.class);
        assertThat(((WebhookRejectedException) e).problem().status()).isEqualTo(status);
    }

    private static void assertField(Throwable e, String field) {
        assertStatus(e, 400);
        assertThat(((WebhookRejectedException) e).problem().field()).isEqualTo(field);
    }

    private static WebhookRequest request(String body) {
        return new WebhookRequest("POST", "u", Map.of(), null, body.getBytes(StandardCharsets.UTF_8));
    }

    private static WebhookRequest signed(String body, long timestamp) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new WebhookRequest("POST", "u", Map.of(
                "x-gateway-timestamp", List.of(Long.toString(timestamp)),
                "x-gateway-signature", List.of(ApiSignature.sign(SECRET, timestamp, bytes))), null, bytes);
    }
}
