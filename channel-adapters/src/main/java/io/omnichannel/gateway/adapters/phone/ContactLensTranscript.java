package io.omnichannel.gateway.adapters.phone;

import static io.omnichannel.gateway.adapters.phone.TranscriptJson.array;
import static io.omnichannel.gateway.adapters.phone.TranscriptJson.number;
import static io.omnichannel.gateway.adapters.phone.TranscriptJson.requiredArray;
import static io.omnichannel.gateway.adapters.phone.TranscriptJson.decimal;
import static io.omnichannel.gateway.adapters.phone.TranscriptJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Amazon Connect Contact Lens output (also Transcribe Call Analytics, which has the same shape):
 * {@code Transcript[]} turns with their {@code ParticipantId} (roles from {@code Participants}, or
 * {@code ParticipantRole} on the turn) and {@code Sentiment}; the overall sentiment scores per role
 * (-5 to 5), the matched categories and the issues detected are kept.
 */
final class ContactLensTranscript {

    private ContactLensTranscript() {
    }

    static ParsedTranscript parse(JsonNode root) {
        String status = text(root, "JobStatus");
        if (status != null && !"COMPLETED".equalsIgnoreCase(status)) {
            throw WebhookRejectedException.malformed("JobStatus", "the analysis is " + status
                    + "; only COMPLETED transcripts can be taken in");
        }
        Map<String, String> roles = new HashMap<>();
        for (JsonNode participant : array(root, "Participants")) {
            String id = text(participant, "ParticipantId");
            String role = text(participant, "ParticipantRole");
            if (id != null && role != null) {
                roles.put(id, role);
            }
        }
        List<JsonNode> entries = requiredArray(root, "Transcript", "Transcript");
        List<Turn> turns = new ArrayList<>();
        List<String> issues = new ArrayList<>();
        double lastEnd = 0;
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String path = "Transcript[" + i + "]";
            String content = text(entry, "Content");
            if (content == null) {
                continue;
            }
            String participant = text(entry, "ParticipantId");
            String role = text(entry, "ParticipantRole");
            if (role == null) {
                role = roles.get(participant);
            }
            if (participant == null && role == null) {
                throw WebhookRejectedException.malformed(path + ".ParticipantId", "'" + path + "' names no participant");
            }
            Double begin = number(entry, "BeginOffsetMillis", path);
            Double end = number(entry, "EndOffsetMillis", path);
            turns.add(new Turn(participant != null ? participant : role, null, speaker(role), content,
                    begin == null ? null : begin / 1000, end == null ? null : end / 1000, text(entry, "Sentiment")));
            if (end != null) {
                lastEnd = Math.max(lastEnd, end / 1000);
            }
            for (JsonNode issue : array(entry, "IssuesDetected")) {
                String text = text(issue, "Text");
                if (text != null) {
                    issues.add(text);
                }
            }
        }
        JsonNode characteristics = root.path("ConversationCharacteristics");
        Double total = number(characteristics, "TotalConversationDurationMillis", "ConversationCharacteristics");
        Map<String, String> details = new LinkedHashMap<>();
        JsonNode overall = characteristics.path("Sentiment").path("OverallSentiment");
        for (Iterator<Map.Entry<String, JsonNode>> scores = overall.fields(); scores.hasNext(); ) {
            Map.Entry<String, JsonNode> score = scores.next();
            if (score.getValue().isNumber()) {
                details.put("sentiment-" + score.getKey().toLowerCase(Locale.ROOT), decimal(score.getValue().asDouble()));
            }
        }
        String categories = array(root.path("Categories"), "MatchedCategories").stream().map(JsonNode::asText)
                .filter(Objects::nonNull).collect(Collectors.joining(", "));
        if (!categories.isEmpty()) {
            details.put("categories", categories);
        }
        if (!issues.isEmpty()) {
            details.put("issues", String.join(" | ", issues));
        }
        String callId = text(root.path("CustomerMetadata"), "ContactId");
        if (callId == null) {
            callId = text(root, "JobName");
        }
        return new ParsedTranscript(TranscriptFormat.AMAZON_CONTACT_LENS, callId, turns, null,
                total != null ? total / 1000 : lastEnd > 0 ? lastEnd : null, text(root, "LanguageCode"), details);
    }

    private static Speaker speaker(String role) {
        if (role == null) {
            return null;
        }
        String upper = role.toUpperCase(Locale.ROOT);
        if (upper.contains("AGENT") || upper.equals("SUPERVISOR")) {
            return Speaker.AGENT;
        }
        return upper.equals("CUSTOMER") ? Speaker.CUSTOMER : null;
    }
}
