package io.omnichannel.gateway.adapters.social.messenger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.outbound.DeliveryResult;
import io.omnichannel.gateway.adapters.outbound.TransientDeliveryException;
import io.omnichannel.gateway.adapters.social.CustomerWindows;
import io.omnichannel.gateway.adapters.social.GraphApi;
import io.omnichannel.gateway.adapters.social.MetaConfig;
import io.omnichannel.gateway.adapters.social.MetaProduct;
import io.omnichannel.gateway.adapters.social.TextParts;
import io.omnichannel.gateway.contract.Attachment;
import io.omnichannel.gateway.contract.OutboundMessage;
import io.quarkus.logging.Log;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Replies through Meta's Send API ({@code POST /me/messages} with the page's access token), for
 * Messenger and Instagram. Within 24 hours of the customer's last message a reply goes as
 * {@code messaging_type=RESPONSE}; later only with a message tag: {@code metadata.tag} when the
 * reply names one, else {@code HUMAN_AGENT} up to 7 days when the inbox enables it
 * ({@code options.human-agent-tag=true}, which needs Meta's approval); otherwise the reply is refused
 * with a reason saying a tag is required.
 */
final class SendApi {

    public static final String TAG = "tag";
    static final String HUMAN_AGENT = "HUMAN_AGENT";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> KNOWN = Map.of(
            "551", "the person is not available to receive messages right now",
            "190", "the inbox's page access token is invalid or expired: renew the api-token",
            "200", "the page access token lacks the permission to send (pages_messaging / instagram_manage_messages)",
            "2018278", "outside the 24-hour window: a message tag is required",
            "2018108", "the person has not started a conversation with this page or account",
            "2018109", "the person has not started a conversation with this page or account");

    private final MetaProduct product;
    private final int maxText;
    private final GraphApi graph;
    private final CustomerWindows windows;
    private final Duration window;
    private final Duration humanAgentWindow;
    private final Clock clock = Clock.systemUTC();

    SendApi(MetaProduct product, int maxText, GraphApi graph, CustomerWindows windows, MetaConfig config) {
        this.product = product;
        this.maxText = maxText;
        this.graph = graph;
        this.windows = windows;
        this.window = config.customerServiceWindow();
        this.humanAgentWindow = config.humanAgentWindow();
    }

    String provider() {
        return product.provider();
    }

    DeliveryResult deliver(Inbox inbox, OutboundMessage message) {
        if (inbox.apiToken() == null) {
            return DeliveryResult.rejected("the " + product.label() + " inbox '" + inbox.id() + "' has no page access "
                    + "token (api-token) to send with; configure it");
        }
        String tag = message.metadata().get(TAG);
        if (tag == null || tag.isBlank()) {
            Optional<Instant> last = windows.lastInbound(message.conversationKey());
            Instant now = clock.instant();
            boolean open = last.isPresent() && last.get().plus(window).isAfter(now);
            boolean humanAgent = last.isPresent() && last.get().plus(humanAgentWindow).isAfter(now)
                    && inbox.option("human-agent-tag").map(Boolean::parseBoolean).orElse(false);
            if (!open && !humanAgent) {
                return DeliveryResult.rejected("outside " + product.label() + "'s " + window.toHours()
                        + "-hour standard messaging window (" + last.map(at -> "the customer last wrote at " + at)
                                .orElse("the customer has not written to this inbox")
                        + "): a message tag is required; HUMAN_AGENT allows replies up to " + humanAgentWindow.toDays()
                        + " days once Meta approved it (options.human-agent-tag=true), or name a tag in metadata " + TAG);
            }
            tag = open ? null : HUMAN_AGENT;
        }
        List<ObjectNode> contents = new ArrayList<>();
        if (!message.text().isBlank()) {
            TextParts.split(message.text(), maxText).forEach(part -> contents.add(JSON.createObjectNode().put("text", part)));
        }
        message.attachments().stream().filter(a -> a.ref() != null && a.ref().startsWith("http"))
                .forEach(attachment -> contents.add(attachment(attachment)));
        if (contents.isEmpty()) {
            return DeliveryResult.rejected("the reply has neither text nor an attachment with a URL; nothing to send");
        }
        List<String> ids = new ArrayList<>();
        for (ObjectNode content : contents) {
            DeliveryResult result = send(inbox, message, content, tag);
            if (!result.isAccepted()) {
                return ids.isEmpty() ? result : DeliveryResult.rejected(result.reason() + " (after " + ids.size() + " of "
                        + contents.size() + " parts were sent)");
            }
            ids.addAll(result.externalIds());
        }
        return DeliveryResult.accepted(ids);
    }

    private DeliveryResult send(Inbox inbox, OutboundMessage message, ObjectNode content, String tag) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("recipient").put("id", message.to());
        body.put("messaging_type", tag == null ? "RESPONSE" : "MESSAGE_TAG");
        if (tag != null) {
            body.put("tag", tag);
        }
        body.set("message", content);
        GraphApi.Answer answer = graph.post(inbox, "/me/messages", body);
        if (answer.isOk()) {
            String id = answer.body().path("message_id").asText(null);
            if (id == null) {
                Log.warnf("reply %s: %s accepted a part but returned no message id", message.id(), product.label());
                return DeliveryResult.accepted(List.of());
            }
            return DeliveryResult.accepted(id);
        }
        String known = answer.errorSubcode() != null && KNOWN.containsKey(answer.errorSubcode())
                ? KNOWN.get(answer.errorSubcode()) : KNOWN.get(answer.errorCode());
        String reason = (known == null ? "" : known + " [") + product.label() + " refused the reply: " + answer.errorText()
                + (known == null ? "" : "]");
        if (answer.isTransient()) {
            throw new TransientDeliveryException(reason);
        }
        return DeliveryResult.rejected(reason);
    }

    private static ObjectNode attachment(Attachment attachment) {
        String contentType = attachment.contentType() == null ? "" : attachment.contentType().toLowerCase(Locale.ROOT);
        String type = contentType.startsWith("image/") ? "image" : contentType.startsWith("video/") ? "video"
                : contentType.startsWith("audio/") ? "audio" : "file";
        ObjectNode content = JSON.createObjectNode();
        content.putObject("attachment").put("type", type).putObject("payload")
                .put("url", attachment.ref()).put("is_reusable", true);
        return content;
    }
}
