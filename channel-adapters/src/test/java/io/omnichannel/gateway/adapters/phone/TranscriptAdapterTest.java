package io.omnichannel.gateway.adapters.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnichannel.gateway.adapters.api.ApiSignature;
import io.omnichannel.gateway.adapters.inbound.WebhookRequest;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import io.omnichannel.gateway.adapters.support.Samples;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.InboundMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TranscriptAdapterTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String SECRET = "phone-secret";
    private static final Inbox INBOX = new Inbox("phone-support", Channel.PHONE, "transcripts", "+445550003333", SECRET, null,
            null, null, null, Map.of("sms-inbox", "sms-eu"));
    private static final Inbox SMS = new Inbox("sms-eu", Channel.SMS, "twilio", "+445550002222", "token", "AC1", null, null,
            null, Map.of());

    @Test
    void makesOneMessageOfACallWithItsTurnsAndDetails() throws Exception {
        CallDetails call = new CallDetails(null, " 447700900123", "+445550003333", null, null, "2026-11-23T11:40:00Z", null);

        InboundMessage message = normalize(call, "aws_connect_contact_lens_voice_analyzed_REPAIRED.json", "contact-77");

        assertThat(message.channel()).isEqualTo(Channel.PHONE);
        assertThat(message.provider()).isEqualTo("transcripts");
        assertThat(message.inbox()).isEqualTo("phone-support");
        assertThat(message.externalId()).isEqualTo("contact-77");
        assertThat(message.customer().handle()).isEqualTo("+447700900123");
        assertThat(message.sentAt()).isEqualTo(Instant.parse("2026-11-23T11:40:00Z"));
        assertThat(message.receivedAt()).isEqualTo(NOW);
        assertThat(message.language()).isEqualTo("en-US");
        assertThat(message.attachments()).isEmpty();
        assertThat(message.text()).startsWith("Agent: Okay.\nCustomer: Just hello. My name is Peter and help.\nAgent: Hello.");
        assertThat(message.conversationKey()).isEqualTo("phone:phone-support:+447700900123");
        assertThat(message.metadata()).containsEntry("format", "amazon-contact-lens").containsEntry("caller", "+447700900123")
                .containsEntry("called", "+445550003333").containsEntry("duration-seconds", "32.11")
                .containsEntry("sentiment-customer", "3.1").containsEntry("sentiment-agent", "0")
                .containsEntry("turn-count", "10").containsEntry("reply-channel", "sms").containsEntry("reply-to", "+447700900123")
                .containsEntry("reply-provider", "twilio").containsEntry("reply-inbox", "sms-eu");
        JsonNode turns = new ObjectMapper().readTree(message.metadata().get("turns"));
        assertThat(turns).hasSize(10);
        assertThat(turns.get(1).path("speaker").asText()).isEqualTo("customer");
        assertThat(turns.get(1).path("start").asDouble()).isEqualTo(0.16);
        assertThat(turns.get(3).path("sentiment").asText()).isEqualTo("NEGATIVE");
    }

    @Test
    void takesTheCallIdOfTheTranscriptWhenTheRequestNamesNone() {
        CallDetails call = new CallDetails(null, "+447700900123", null, null, "en-GB", null, null);

        InboundMessage message = normalize(call, "aws_transcribe_batch_speaker_diarization.json", null);

        assertThat(message.externalId()).isEqualTo("my-first-transcription-job");
        assertThat(message.language()).isEqualTo("en-GB");
        assertThat(message.sentAt()).isNull();
        assertThat(message.text()).isEqualTo("Customer: I've been on hold for an hour.\nAgent: Sorry about that.");
        assertThat(message.metadata()).containsEntry("duration-seconds", "9.24").doesNotContainKey("called");
        assertThat(message.id()).isEqualTo(normalize(call, "aws_transcribe_batch_speaker_diarization.json", null).id());
    }

    @Test
    void requiresTheCallerAndACallId() {
        assertField(new CallDetails("c1", null, null, null, null, null, null), "webvtt_voice_tags_w3c_example.vtt", "from");
        assertField(new CallDetails("c1", "07700 900123", null, null, null, null, null), "webvtt_voice_tags_w3c_example.vtt",
                "from");
        assertField(new CallDetails(null, "+447700900123", null, null, null, null, null), "webvtt_voice_tags_w3c_example.vtt",
                "callId");
        assertField(new CallDetails("c1", "+447700900123", null, null, null, "yesterday", null),
                "webvtt_voice_tags_w3c_example.vtt", "startedAt");
    }

    @Test
    void refusesUnsignedStaleAndForgedTranscripts() {
        TranscriptAdapter adapter = adapter(new CallDetails("c1", "+447700900123", null, null, null, null, null));
        byte[] body = Samples.text("transcripts/webvtt_voice_tags_w3c_example.vtt").getBytes(StandardCharsets.UTF_8);
        long now = NOW.getEpochSecond();

        assertStatus(() -> adapter.verify(INBOX, request(body, Map.of())), 401);
        assertStatus(() -> adapter.verify(INBOX, request(body, Map.of(ApiSignature.TIMESTAMP_HEADER, Long.toString(now - 3600),
                ApiSignature.SIGNATURE_HEADER, ApiSignature.sign(SECRET, now - 3600, body)))), 401);
        assertStatus(() -> adapter.verify(INBOX, request(body, Map.of(ApiSignature.TIMESTAMP_HEADER, Long.toString(now),
                ApiSignature.SIGNATURE_HEADER, ApiSignature.sign("other-secret", now, body)))), 403);
        adapter.verify(INBOX, request(body, Map.of(ApiSignature.TIMESTAMP_HEADER, Long.toString(now),
                ApiSignature.SIGNATURE_HEADER, ApiSignature.sign(SECRET, now, body))));
    }

    private static InboundMessage normalize(CallDetails call, String sample, String callId) {
        CallDetails withId = new CallDetails(callId, call.from(), call.to(), call.agent(), call.language(), call.startedAt(),
                call.format());
        TranscriptAdapter adapter = adapter(withId);
        byte[] body = Samples.text("transcripts/" + sample).getBytes(StandardCharsets.UTF_8);
        WebhookRequest request = request(body, Map.of());
        List<InboundMessage> messages = adapter.normalize(INBOX, adapter.parse(request), NOW).messages();
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    private static void assertField(CallDetails call, String sample, String field) {
        TranscriptAdapter adapter = adapter(call);
        WebhookRequest request = request(Samples.text("transcripts/" + sample).getBytes(StandardCharsets.UTF_8), Map.of());
        assertThatThrownBy(() -> adapter.normalize(INBOX, adapter.parse(request), NOW))
                .isInstanceOf(WebhookRejectedException.class)
                .satisfies(e -> {
                    assertThat(((WebhookRejectedException) e).problem().status()).isEqualTo(400);
                    assertThat(((WebhookRejectedException) e).problem().field()).isEqualTo(field);
                });
    }

    private static void assertStatus(Runnable call, int status) {
        assertThatThrownBy(call::run).isInstanceOf(WebhookRejectedException.class)
                .satisfies(e -> assertThat(((WebhookRejectedException) e).problem().status()).isEqualTo(status));
    }

    private static TranscriptAdapter adapter(CallDetails call) {
        return new TranscriptAdapter(call, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC),
                inbox -> inbox.option("sms-inbox").isPresent() ? Optional.of(SMS) : Optional.empty());
    }

    private static WebhookRequest request(byte[] body, Map<String, String> headers) {
        Map<String, List<String>> lower = new java.util.HashMap<>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(java.util.Locale.ROOT), List.of(value)));
        return new WebhookRequest("POST", "https://gateway.test/webhooks/phone/transcripts", lower, null, body);
    }
}
