package io.omnichannel.gateway.adapters.phone;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Lenient reading of transcript JSON: unknown fields ignored, required ones named by path when missing. */
final class TranscriptJson {

    private TranscriptJson() {
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

    /** An array field's elements; 400 naming {@code path} when it is missing or not an array. */
    static List<JsonNode> requiredArray(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw WebhookRejectedException.malformed(path, "'" + path + "' must be an array");
        }
        return elements(value);
    }

    static List<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isArray() ? List.of() : elements(value);
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        return elements;
    }

    /** A number, or a number written as a string (Transcribe's times); null when absent; 400 when not a number. */
    static Double number(JsonNode node, String field, String path) {
        String text = text(node, field);
        if (text == null) {
            return null;
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw WebhookRejectedException.malformed(path + "." + field, "'" + path + "." + field + "' must be a number, got '"
                    + text + "'");
        }
    }

    /** A number as people write it, to the millesimal: {@code 9.25}, {@code 32.11}, {@code 30}. */
    static String decimal(double value) {
        return BigDecimal.valueOf(Math.round(value * 1000) / 1000.0).stripTrailingZeros().toPlainString();
    }
}
