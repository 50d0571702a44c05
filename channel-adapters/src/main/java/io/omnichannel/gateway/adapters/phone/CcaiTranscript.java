package io.omnichannel.gateway.adapters.phone;

import static io.omnichannel.gateway.adapters.phone.TranscriptJson.array;
import static io.omnichannel.gateway.adapters.phone.TranscriptJson.number;
import static io.omnichannel.gateway.adapters.phone.TranscriptJson.requiredArray;
import static io.omnichannel.gateway.adapters.phone.TranscriptJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Google CCAI Insights conversation data: {@code entries} with {@code role} (AGENT, CUSTOMER, END_USER, ...). */
final class CcaiTranscript {

    private CcaiTranscript() {
    }

    static ParsedTranscript parse(JsonNode root) {
        List<JsonNode> entries = requiredArray(root, "entries", "entries");
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String text = text(entry, "text");
            if (text == null) {
                continue;
            }
            String role = text(entry, "role");
            String user = text(entry, "user_id");
            Double micros = number(entry, "start_timestamp_usec", "entries[" + i + "]");
            turns.add(new Turn(user != null ? user : Objects.requireNonNullElse(role, "unknown"), null, speaker(role), text,
                    micros == null ? null : micros / 1_000_000, null, null));
        }
        Map<String, String> details = new LinkedHashMap<>();
        String categories = array(root.path("conversation_info"), "categories").stream()
                .map(category -> text(category, "display_name")).filter(Objects::nonNull).collect(Collectors.joining(", "));
        if (!categories.isEmpty()) {
            details.put("categories", categories);
        }
        return new ParsedTranscript(TranscriptFormat.GOOGLE_CCAI, null, turns, null, null, null, details);
    }

    private static Speaker speaker(String role) {
        if (role == null) {
            return null;
        }
        String upper = role.toUpperCase(Locale.ROOT);
        if (upper.endsWith("AGENT")) {
            return Speaker.AGENT;
        }
        return upper.equals("CUSTOMER") || upper.equals("END_USER") ? Speaker.CUSTOMER : null;
    }
}
