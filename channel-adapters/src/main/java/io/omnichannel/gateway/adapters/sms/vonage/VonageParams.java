package io.omnichannel.gateway.adapters.sms.vonage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnichannel.gateway.adapters.inbound.WebhookRequest;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The parameters of a Vonage SMS webhook, whichever way the account sends them: GET query, POST form or POST JSON. */
public final class VonageParams {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> values;

    VonageParams(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    static VonageParams of(WebhookRequest request) {
        Map<String, String> values = new LinkedHashMap<>();
        boolean json = request.header("content-type").map(type -> type.toLowerCase().startsWith("application/json")).orElse(false);
        if (json && "POST".equalsIgnoreCase(request.method())) {
            try {
                JsonNode body = JSON.readTree(request.body());
                if (body == null || !body.isObject()) {
                    throw WebhookRejectedException.malformed("body", "the body is not a JSON object");
                }
                body.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue().asText()));
            } catch (IOException e) {
                throw WebhookRejectedException.malformed("body", "the body is not JSON: " + e.getMessage());
            }
        } else {
            request.form().pairs().forEach(pair -> values.putIfAbsent(pair.getKey(), pair.getValue()));
        }
        return new VonageParams(values);
    }

    public Map<String, String> all() {
        return values;
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name)).filter(value -> !value.isBlank());
    }

    public String required(String name) {
        return get(name).orElseThrow(() -> WebhookRejectedException.missingField(name));
    }

    public int requiredNumber(String name) {
        String value = required(name);
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw WebhookRejectedException.malformed(name, "'" + name + "' must be a whole number, got '" + value + "'");
        }
    }
}
