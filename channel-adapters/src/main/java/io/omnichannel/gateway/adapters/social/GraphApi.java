package io.omnichannel.gateway.adapters.social;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnichannel.gateway.adapters.http.ProviderHttp;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

/** Calls Meta's Graph API for the inbox's sends: JSON in and out, the inbox's access token as bearer. */
@ApplicationScoped
public class GraphApi {

    /** Graph error codes meaning "too many calls": worth another attempt later. */
    private static final Set<String> THROTTLED = Set.of("4", "17", "32", "613", "80007", "130429", "131048", "131056");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: the HTTP status and the JSON body (an empty object when there was none). */
    public record Answer(int status, JsonNode body) {

        public boolean isOk() {
            return status / 100 == 2;
        }

        /** The Graph {@code error} object of a refusal. */
        public JsonNode error() {
            return body.path("error");
        }

        public String errorCode() {
            return MetaJson.text(error(), "code");
        }

        public String errorSubcode() {
            return MetaJson.text(error(), "error_subcode");
        }

        /** 5xx, 429, 408 or a throttling error: another attempt may succeed. */
        public boolean isTransient() {
            return ProviderHttp.isTransient(status) || THROTTLED.contains(errorCode())
                    || MetaJson.isTrue(error(), "is_transient");
        }

        /** The error in words: Graph's message, code and subcode. */
        public String errorText() {
            String message = MetaJson.text(error(), "message");
            String code = errorCode();
            String subcode = errorSubcode();
            return (message != null ? message : "HTTP " + status)
                    + (code == null ? "" : " (code " + code + (subcode == null ? "" : "/" + subcode) + ")");
        }
    }

    private final ProviderHttp http;
    private final String graphUrl;

    GraphApi(ProviderHttp http, MetaConfig config) {
        this.http = http;
        this.graphUrl = config.graphUrl().replaceAll("/+$", "");
    }

    /** The Graph API base of an inbox: its {@code options.graph-url}, else {@code adapters.meta.graph-url}. */
    public String baseUrl(Inbox inbox) {
        return inbox.option("graph-url").map(url -> url.replaceAll("/+$", "")).orElse(graphUrl);
    }

    /**
     * POSTs {@code body} to {@code path} (e.g. {@code /1122334455667/messages}) of the inbox's Graph API.
     *
     * @throws io.omnichannel.gateway.adapters.outbound.TransientDeliveryException when Meta cannot be reached
     */
    public Answer post(Inbox inbox, String path, JsonNode body) {
        HttpRequest request = http.request(baseUrl(inbox) + path)
                .header("Authorization", "Bearer " + inbox.apiToken())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> response = http.send(request);
        return new Answer(response.statusCode(), parse(response.body()));
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
