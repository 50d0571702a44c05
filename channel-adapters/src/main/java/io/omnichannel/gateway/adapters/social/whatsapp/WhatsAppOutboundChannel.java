package io.omnichannel.gateway.adapters.social.whatsapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.outbound.DeliveryResult;
import io.omnichannel.gateway.adapters.outbound.OutboundChannel;
import io.omnichannel.gateway.adapters.outbound.TransientDeliveryException;
import io.omnichannel.gateway.adapters.social.CustomerWindows;
import io.omnichannel.gateway.adapters.social.GraphApi;
import io.omnichannel.gateway.adapters.social.MetaConfig;
import io.omnichannel.gateway.adapters.social.TextParts;
import io.omnichannel.gateway.contract.Attachment;
import io.omnichannel.gateway.contract.OutboundMessage;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Replies through the WhatsApp Cloud API: {@code POST /{phone-number-id}/messages} with the inbox's
 * access token. Free-form messages (text, then each attachment with a URL as image, video, audio or
 * document) only within 24 hours of the customer's last message; outside that window the reply is
 * refused with a reason saying a template is required, unless it names one
 * ({@code metadata.template}, {@code metadata.template-language}, default {@code en_US}). A text
 * over 4096 characters goes as several messages. Customers known only by their WhatsApp user id are
 * addressed with {@code recipient} instead of {@code to}.
 */
@ApplicationScoped
public class WhatsAppOutboundChannel implements OutboundChannel {

    public static final String TEMPLATE = "template";
    public static final String TEMPLATE_LANGUAGE = "template-language";
    static final int MAX_TEXT = 4096;
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{5,20}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GraphApi graph;
    private final CustomerWindows windows;
    private final Duration window;
    private final Clock clock = Clock.systemUTC();

    WhatsAppOutboundChannel(GraphApi graph, CustomerWindows windows, MetaConfig config) {
        this.graph = graph;
        this.windows = windows;
        this.window = config.customerServiceWindow();
    }

    @Override
    public String provider() {
        return WhatsAppNormalizer.PROVIDER;
    }

    @Override
    public DeliveryResult deliver(Inbox inbox, OutboundMessage message) {
        if (inbox.address() == null || inbox.apiToken() == null) {
            return DeliveryResult.rejected("the WhatsApp inbox '" + inbox.id() + "' has no phone number id (address) or "
                    + "access token (api-token) to send with; configure it");
        }
        List<ObjectNode> bodies = new ArrayList<>();
        String template = message.metadata().get(TEMPLATE);
        if (template != null && !template.isBlank()) {
            bodies.add(template(message, template));
        } else {
            Optional<String> closed = windowClosed(message);
            if (closed.isPresent()) {
                return DeliveryResult.rejected(closed.get());
            }
            if (!message.text().isBlank()) {
                for (String part : TextParts.split(message.text(), MAX_TEXT)) {
                    ObjectNode body = base(message, "text");
                    body.putObject("text").put("preview_url", false).put("body", part);
                    bodies.add(body);
                }
            }
            message.attachments().stream().filter(a -> a.ref() != null && a.ref().startsWith("http"))
                    .forEach(attachment -> bodies.add(media(message, attachment)));
        }
        if (bodies.isEmpty()) {
            return DeliveryResult.rejected("the reply has neither text nor an attachment with a URL; nothing to send");
        }
        if (message.inReplyTo() != null) {
            bodies.get(0).putObject("context").put("message_id", message.inReplyTo());
        }
        List<String> ids = new ArrayList<>();
        for (ObjectNode body : bodies) {
            DeliveryResult result = send(inbox, message, body);
            if (!result.isAccepted()) {
                return ids.isEmpty() ? result : DeliveryResult.rejected(result.reason() + " (after " + ids.size() + " of "
                        + bodies.size() + " parts were sent)");
            }
            ids.addAll(result.externalIds());
        }
        return DeliveryResult.accepted(ids);
    }

    /** Why a free-form reply may not go out now, if it may not. */
    private Optional<String> windowClosed(OutboundMessage message) {
        Optional<Instant> last = windows.lastInbound(message.conversationKey());
        Instant now = clock.instant();
        if (last.isPresent() && last.get().plus(window).isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of("outside WhatsApp's " + window.toHours() + "-hour customer service window ("
                + last.map(at -> "the customer last wrote at " + at).orElse("the customer has not written to this number")
                + "): a template is required; send the reply with metadata " + TEMPLATE + "=<approved template name>");
    }

    private DeliveryResult send(Inbox inbox, OutboundMessage message, ObjectNode body) {
        GraphApi.Answer answer = graph.post(inbox, "/" + inbox.address() + "/messages", body);
        if (answer.isOk()) {
            String id = answer.body().path("messages").path(0).path("id").asText(null);
            if (id == null) {
                Log.warnf("reply %s: WhatsApp accepted a part but returned no message id", message.id());
                return DeliveryResult.accepted(List.of());
            }
            return DeliveryResult.accepted(id);
        }
        String reason = answer.error().isMissingNode() ? "WhatsApp answered HTTP " + answer.status()
                : WhatsAppErrors.describe(answer.error());
        if (answer.isTransient()) {
            throw new TransientDeliveryException(reason);
        }
        return DeliveryResult.rejected(reason);
    }

    private static ObjectNode base(OutboundMessage message, String type) {
        ObjectNode body = JSON.createObjectNode();
        body.put("messaging_product", "whatsapp");
        body.put("recipient_type", "individual");
        String to = message.to();
        if (PHONE.matcher(to).matches()) {
            body.put("to", to.startsWith("+") ? to.substring(1) : to);
        } else {
            body.put("recipient", to);
        }
        body.put("type", type);
        return body;
    }

    private static ObjectNode template(OutboundMessage message, String name) {
        ObjectNode body = base(message, "template");
        ObjectNode template = body.putObject("template").put("name", name);
        template.putObject("language").put("code", message.metadata().getOrDefault(TEMPLATE_LANGUAGE, "en_US"));
        return body;
    }

    private static ObjectNode media(OutboundMessage message, Attachment attachment) {
        String contentType = attachment.contentType() == null ? "" : attachment.contentType().toLowerCase(Locale.ROOT);
        String type = contentType.startsWith("image/") ? "image" : contentType.startsWith("video/") ? "video"
                : contentType.startsWith("audio/") ? "audio" : "document";
        ObjectNode body = base(message, type);
        ObjectNode media = body.putObject(type).put("link", attachment.ref());
        if ("document".equals(type) && attachment.name() != null) {
            media.put("filename", attachment.name());
        }
        return body;
    }
}
