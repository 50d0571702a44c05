package io.omnichannel.gateway.adapters.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnichannel.gateway.adapters.rest.FormBody;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the providers' send APIs do, locally: takes a message as Twilio's Messages API, Meta's Graph
 * API or an integrator's webhook would, logs it, keeps the last {@value #KEPT} and answers as the
 * provider does, so that replies are really sent under {@code ./gateway up} without the internet.
 */
@ApplicationScoped
public class ProviderSandbox {

    static final int KEPT = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean enabled;
    private final Deque<SentMessage> sent = new ArrayDeque<>();

    ProviderSandbox(SandboxConfig config) {
        this.enabled = config.enabled();
    }

    /** {@code POST /2010-04-01/Accounts/{account}/Messages.json}: 201 with the message resource, status queued. */
    public Response twilioMessage(String account, byte[] body) {
        requireEnabled();
        FormBody form = FormBody.parse(new String(body, StandardCharsets.UTF_8));
        String sid = "SM" + randomHex(16);
        String to = form.first("To").orElse(null);
        String from = form.first("From").orElse(null);
        String text = form.first("Body").orElse("");
        List<String> media = form.pairs().stream().filter(pair -> pair.getKey().equals("MediaUrl")).map(pair -> pair.getValue())
                .toList();
        keep(new SentMessage("twilio", sid, from, to, text + (media.isEmpty() ? "" : " " + media), Instant.now()));
        ObjectNode answer = JSON.createObjectNode().put("sid", sid).put("account_sid", account).put("to", to)
                .put("from", from).put("body", text).put("status", "queued").put("num_media", Integer.toString(media.size()));
        return Response.status(201).type("application/json").entity(answer.toString()).build();
    }

    /**
     * {@code POST /{phone-number-id}/messages} (WhatsApp Cloud API) or {@code POST /me/messages}
     * (Messenger and Instagram Send API): the answer each gives.
     */
    public Response graphMessage(String node, byte[] body) {
        requireEnabled();
        JsonNode request = json(body);
        ObjectNode answer = JSON.createObjectNode();
        String to;
        String id;
        if ("me".equals(node)) {
            to = request.path("recipient").path("id").asText(null);
            id = "m_" + randomHex(16);
            answer.put("recipient_id", to).put("message_id", id);
        } else {
            to = request.path("to").asText(request.path("recipient").asText(null));
            id = "wamid." + randomHex(16);
            answer.put("messaging_product", "whatsapp");
            answer.putArray("contacts").addObject().put("input", to).put("wa_id", to);
            answer.putArray("messages").addObject().put("id", id);
        }
        keep(new SentMessage("me".equals(node) ? "meta-send-api" : "whatsapp", id, node, to, text(request), Instant.now()));
        return Response.ok(answer.toString(), "application/json").build();
    }

    /** An integrator's webhook (API channel): takes the signed reply, 200. */
    public Response apiWebhook(String delivery, byte[] body) {
        requireEnabled();
        JsonNode reply = json(body);
        keep(new SentMessage("api", delivery, reply.path("inbox").asText(null), reply.path("to").asText(null),
                reply.path("text").asText(""), Instant.now()));
        return Response.ok().build();
    }

    /** The last messages sent, newest first. */
    public List<SentMessage> sent() {
        requireEnabled();
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    private void keep(SentMessage message) {
        Log.infof("sandbox: %s sent %s to %s from %s: %s", message.provider(), message.id(), message.to(), message.from(),
                message.text());
        synchronized (sent) {
            sent.addFirst(message);
            if (sent.size() > KEPT) {
                sent.removeLast();
            }
        }
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new NotFoundException("the provider sandbox is off (adapters.sandbox.enabled)");
        }
    }

    /** What a Graph API message says: its text, else its type (template, image, ...). */
    private static String text(JsonNode request) {
        JsonNode message = request.has("message") ? request.get("message") : request;
        String text = message.path("text").isObject() ? message.path("text").path("body").asText(null)
                : message.path("text").asText(null);
        return text != null ? text : "[" + request.path("type").asText(message.path("attachment").path("type").asText("message")) + "]";
    }

    private static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new BadRequestException("not JSON: " + e.getMessage());
        }
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
