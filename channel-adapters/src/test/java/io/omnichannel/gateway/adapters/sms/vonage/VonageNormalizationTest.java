package io.omnichannel.gateway.adapters.sms.vonage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnichannel.gateway.adapters.inbound.Normalized;
import io.omnichannel.gateway.adapters.inbound.WebhookRequest;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import io.omnichannel.gateway.adapters.support.Samples;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.InboundMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Verify → parse → normalize of Vonage's samples, without the database (single-part messages). */
class VonageNormalizationTest {

    private static final Instant NOW = Instant.parse("2013-11-21T15:27:40Z");
    private final JsonNode vectors = Samples.json("sms/vonage/signature_test_vectors.json");
    private final Inbox inbox = new Inbox("sms-uk", Channel.SMS, "vonage", "13239877404", vectors.get("secret").asText(),
            null, null, null, null, Map.of("signature-method", "sha256"));
    private final VonageInboundAdapter adapter = new VonageInboundAdapter(null, Duration.ofMinutes(5),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void normalizesTheSignedVectorSentAsAForm() {
        Map<String, String> params = VonageSignatureTest.params(vectors.get("params"));
        params.put("sig", vectors.get("expected").get("sha256").asText());
        WebhookRequest request = form(params);

        adapter.verify(inbox, request);
        Normalized normalized = adapter.normalize(inbox, adapter.parse(request), NOW);

        InboundMessage message = normalized.messages().get(0);
        assertThat(message.channel()).isEqualTo(Channel.SMS);
        assertThat(message.provider()).isEqualTo("vonage");
        assertThat(message.inbox()).isEqualTo("sms-uk");
        assertThat(message.customer().handle()).isEqualTo("14843472194");
        assertThat(message.externalId()).isEqualTo("020000001B0FE827");
        assertThat(message.text()).isEqualTo("Test again");
        assertThat(message.sentAt()).isEqualTo(Instant.parse("2013-11-21T15:27:30Z"));
        assertThat(message.receivedAt()).isEqualTo(NOW);
        assertThat(message.attachments()).isEmpty();
        assertThat(message.metadata()).containsEntry("to", "13239877404").containsEntry("type", "text");
    }

    @Test
    void readsTheSameWebhookSentAsJson() {
        Map<String, String> params = VonageSignatureTest.params(vectors.get("params"));
        params.put("sig", vectors.get("expected").get("sha256").asText());
        String json = params.entrySet().stream().map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                .collect(Collectors.joining(",", "{", "}"));
        WebhookRequest request = new WebhookRequest("POST", "https://gateway.test/webhooks/sms/vonage",
                Map.of("content-type", List.of("application/json")), null, json.getBytes(StandardCharsets.UTF_8));

        adapter.verify(inbox, request);
        assertThat(adapter.normalize(inbox, adapter.parse(request), NOW).messages().get(0).text()).isEqualTo("Test again");
    }

    @Test
    void refusesUnsignedTamperedAndStaleWebhooks() {
        Map<String, String> params = VonageSignatureTest.params(vectors.get("params"));
        assertThatThrownBy(() -> adapter.verify(inbox, form(params)))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.problem().status()).isEqualTo(401));

        params.put("sig", vectors.get("expected").get("sha256").asText());
        params.put("text", "Test again, altered");
        assertThatThrownBy(() -> adapter.verify(inbox, form(params)))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.problem().status()).isEqualTo(403));

        Map<String, String> genuine = VonageSignatureTest.params(vectors.get("params"));
        genuine.put("sig", vectors.get("expected").get("sha256").asText());
        VonageInboundAdapter later = new VonageInboundAdapter(null, Duration.ofMinutes(5),
                Clock.fixed(NOW.plus(Duration.ofHours(1)), ZoneOffset.UTC));
        assertThatThrownBy(() -> later.verify(inbox, form(genuine)))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(401);
                    assertThat(e.getMessage()).contains("replays");
                });
    }

    @Test
    void namesTheMissingOrMalformedField() {
        assertThatThrownBy(() -> adapter.normalize(inbox, adapter.parse(form(Map.of("to", "1", "messageId", "m"))), NOW))
                .isInstanceOfSatisfying(WebhookRejectedException.class,
                        e -> assertThat(e.problem().field()).isEqualTo("msisdn"));
        assertThatThrownBy(() -> adapter.normalize(inbox, adapter.parse(form(Map.of("msisdn", "1", "to", "2",
                "messageId", "m", "message-timestamp", "yesterday"))), NOW))
                .isInstanceOfSatisfying(WebhookRejectedException.class,
                        e -> assertThat(e.problem().field()).isEqualTo("message-timestamp"));
    }

    private static WebhookRequest form(Map<String, String> params) {
        String body = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return new WebhookRequest("POST", "https://gateway.test/webhooks/sms/vonage",
                Map.of("content-type", List.of("application/x-www-form-urlencoded")), null, body.getBytes(StandardCharsets.UTF_8));
    }
}
