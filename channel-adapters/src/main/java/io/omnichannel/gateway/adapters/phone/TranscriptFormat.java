package io.omnichannel.gateway.adapters.phone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The transcript formats the phone channel reads, recognized by {@code Content-Type: text/vtt} or a
 * {@code WEBVTT} first line, else by the JSON's shape.
 */
public enum TranscriptFormat {
    /** Amazon Transcribe batch output: {@code results.items} with speaker or channel labels. */
    AMAZON_TRANSCRIBE("amazon-transcribe"),
    /** Amazon Connect Contact Lens (and Transcribe Call Analytics) output: {@code Participants}, {@code Transcript}. */
    AMAZON_CONTACT_LENS("amazon-contact-lens"),
    /** Twilio Voice Intelligence: the {@code sentences} of a transcript. */
    TWILIO_INTELLIGENCE("twilio-intelligence"),
    /** Google CCAI Insights conversation: {@code entries} with roles. */
    GOOGLE_CCAI("google-ccai"),
    /** WebVTT with voice spans ({@code <v Name>}, {@code <v.agent Name>}). */
    WEBVTT("webvtt");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String wireName;

    TranscriptFormat(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /**
     * Reads a transcript body.
     *
     * @param contentType the request's Content-Type, or null
     * @param forced      the {@code format} the request names, or null to detect it
     * @throws WebhookRejectedException 400 when the body is no transcript this gateway reads, naming what is wrong
     */
    public static ParsedTranscript parse(byte[] body, String contentType, String forced) {
        TranscriptFormat format = forced == null || forced.isBlank() ? null : named(forced);
        String text = new String(body, StandardCharsets.UTF_8);
        if (format == WEBVTT || (format == null && isWebVtt(contentType, text))) {
            return WebVttTranscript.parse(text);
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw WebhookRejectedException.malformed("body", "the body is neither WebVTT nor JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw WebhookRejectedException.malformed("body", "the body is neither WebVTT nor JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw WebhookRejectedException.malformed("body", "the body is empty or not a JSON object; post the "
                    + "provider's transcript as it is");
        }
        format = format != null ? format : detect(root);
        return switch (format) {
            case AMAZON_TRANSCRIBE -> AmazonTranscribeTranscript.parse(root);
            case AMAZON_CONTACT_LENS -> ContactLensTranscript.parse(root);
            case TWILIO_INTELLIGENCE -> TwilioSentencesTranscript.parse(root);
            case GOOGLE_CCAI -> CcaiTranscript.parse(root);
            case WEBVTT -> throw new IllegalStateException("WebVTT is read above");
        };
    }

    private static boolean isWebVtt(String contentType, String text) {
        return (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/vtt"))
                || text.stripLeading().replace("\uFEFF", "").startsWith("WEBVTT");
    }

    static TranscriptFormat detect(JsonNode root) {
        if (root.path("results").isObject()) {
            return AMAZON_TRANSCRIBE;
        }
        if (root.path("Transcript").isArray()) {
            return AMAZON_CONTACT_LENS;
        }
        if (root.path("sentences").isArray()) {
            return TWILIO_INTELLIGENCE;
        }
        if (root.path("entries").isArray()) {
            return GOOGLE_CCAI;
        }
        throw WebhookRejectedException.malformed("body", "the body is not a transcript this gateway reads: expected Amazon "
                + "Transcribe output ('results'), Amazon Connect Contact Lens output ('Transcript'), Twilio Voice "
                + "Intelligence sentences ('sentences'), Google CCAI entries ('entries') or WebVTT");
    }

    private static TranscriptFormat named(String name) {
        for (TranscriptFormat format : values()) {
            if (format.wireName.equalsIgnoreCase(name.trim())) {
                return format;
            }
        }
        throw WebhookRejectedException.malformed("format", "format '" + name + "' is not one of "
                + Arrays.stream(values()).map(TranscriptFormat::wireName).collect(Collectors.joining(", ")));
    }
}
