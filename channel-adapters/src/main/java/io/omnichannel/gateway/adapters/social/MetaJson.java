package io.omnichannel.gateway.adapters.social;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Lenient reading of Meta's webhook JSON: unknown fields are ignored, missing required ones are named by path. */
public final class MetaJson {

    private MetaJson() {
    }

    /** The field as text (numbers too), or null when absent, null or blank. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

    /** The field as text; 400 naming {@code path.field} when it is missing. */
    public static String required(JsonNode node, String field, String path) {
        String value = text(node, field);
        if (value == null) {
            throw WebhookRejectedException.missingField(path + "." + field);
        }
        return value;
    }

    /** The elements of an array field; none when absent; 400 when it is not an array. */
    public static List<JsonNode> array(JsonNode node, String field, String path) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw WebhookRejectedException.malformed(path + "." + field, "'" + path + "." + field + "' must be an array");
        }
        List<JsonNode> elements = new ArrayList<>();
        value.forEach(elements::add);
        return elements;
    }

    /** An object field, or a missing node (never null) when absent. */
    public static JsonNode object(JsonNode node, String field) {
        return node == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node.path(field);
    }

    public static boolean isTrue(JsonNode node, String field) {
        return node != null && node.path(field).asBoolean(false);
    }

    /** Unix seconds (WhatsApp sends them as a string); null when absent; 400 when not a number. */
    public static Instant epochSeconds(JsonNode node, String field, String path) {
        Long value = number(node, field, path);
        return value == null ? null : Instant.ofEpochSecond(value);
    }

    /** Unix milliseconds (Messenger, Instagram); null when absent; 400 when not a number. */
    public static Instant epochMillis(JsonNode node, String field, String path) {
        Long value = number(node, field, path);
        return value == null ? null : Instant.ofEpochMilli(value);
    }

    private static Long number(JsonNode node, String field, String path) {
        String text = text(node, field);
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw WebhookRejectedException.malformed(path + "." + field,
                    "'" + path + "." + field + "' must be a Unix timestamp, got '" + text + "'");
        }
    }
}
