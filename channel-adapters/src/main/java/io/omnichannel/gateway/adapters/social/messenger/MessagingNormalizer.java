package io.omnichannel.gateway.adapters.social.messenger;

import static io.omnichannel.gateway.adapters.social.MetaJson.array;
import static io.omnichannel.gateway.adapters.social.MetaJson.epochMillis;
import static io.omnichannel.gateway.adapters.social.MetaJson.isTrue;
import static io.omnichannel.gateway.adapters.social.MetaJson.object;
import static io.omnichannel.gateway.adapters.social.MetaJson.required;
import static io.omnichannel.gateway.adapters.social.MetaJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnichannel.gateway.adapters.inbound.StatusReport;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.social.MetaProduct;
import io.omnichannel.gateway.contract.Attachment;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.CustomerRef;
import io.omnichannel.gateway.contract.DeliveryStatus;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.contract.MessageIds;
import io.quarkus.logging.Log;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns an entry of a Messenger ({@code object=page}) or Instagram ({@code object=instagram})
 * webhook into customers' messages and status reports. Its {@code messaging[]} (and, under the
 * handover protocol, {@code standby[]}) events are:
 *
 * <ul>
 *   <li>{@code message}: a customer's message, keyed by {@code mid}: text, attachments (image, video,
 *       audio, file as attachments; shared posts, reels, story mentions and links described in the
 *       text), quoted reply ({@code reply_to.mid}) and quick reply payload in metadata. Echoes
 *       ({@code is_echo}: what the page itself sent) and deletions ({@code is_deleted}) are not
 *       customers' messages and are skipped;</li>
 *   <li>{@code postback} (a button tapped) and {@code reaction}: customers' messages, the button's
 *       title or "Reacted ❤" as text;</li>
 *   <li>{@code delivery} ({@code mids}) and Instagram's {@code read} ({@code mid}): status reports of
 *       our replies. Messenger's {@code read} only carries a watermark, no message id: skipped.</li>
 * </ul>
 *
 * The customer is the sender's page-scoped id (PSID, or IGSID on Instagram): these platforms never
 * give a phone number.
 */
public final class MessagingNormalizer {

    private record Content(String text, List<Attachment> attachments) {
    }

    private MessagingNormalizer() {
    }

    public static void normalize(MetaProduct product, Inbox inbox, JsonNode entry, String path, Instant receivedAt,
            List<InboundMessage> messages, List<StatusReport> statuses) {
        for (String field : List.of("messaging", "standby")) {
            List<JsonNode> events = array(entry, field, path);
            for (int k = 0; k < events.size(); k++) {
                event(product, inbox, events.get(k), path + "." + field + "[" + k + "]", "standby".equals(field),
                        receivedAt, messages, statuses);
            }
        }
    }

    private static void event(MetaProduct product, Inbox inbox, JsonNode event, String path, boolean standby,
            Instant receivedAt, List<InboundMessage> messages, List<StatusReport> statuses) {
        String sender = required(object(event, "sender"), "id", path + ".sender");
        Instant at = epochMillis(event, "timestamp", path);
        Map<String, String> details = new LinkedHashMap<>();
        put(details, product == MetaProduct.INSTAGRAM ? "instagram-id" : "page-id", text(object(event, "recipient"), "id"));
        if (standby) {
            details.put("standby", "true");
        }
        if (event.hasNonNull("message")) {
            message(product, inbox, sender, at, object(event, "message"), path + ".message", receivedAt, details, messages);
        } else if (event.hasNonNull("postback")) {
            JsonNode postback = object(event, "postback");
            details.put("type", "postback");
            put(details, "postback-payload", text(postback, "payload"));
            put(details, "referral-ref", text(object(postback, "referral"), "ref"));
            String mid = text(postback, "mid");
            messages.add(message(product, inbox, mid != null ? mid : "postback:" + sender + ":" + millis(at), sender, at,
                    receivedAt, Objects.requireNonNullElse(text(postback, "title"), ""), List.of(), details));
        } else if (event.hasNonNull("reaction")) {
            JsonNode reaction = object(event, "reaction");
            String mid = required(reaction, "mid", path + ".reaction");
            String action = Objects.requireNonNullElse(text(reaction, "action"), "react");
            String emoji = text(reaction, "emoji");
            details.put("type", "reaction");
            details.put("reaction-to", mid);
            put(details, "reaction-emoji", emoji);
            put(details, "reaction", text(reaction, "reaction"));
            String text = "unreact".equals(action) ? "Removed a reaction"
                    : "Reacted " + Objects.requireNonNullElse(emoji, Objects.requireNonNullElse(text(reaction, "reaction"), ""));
            messages.add(message(product, inbox, "reaction:" + mid + ":" + sender + ":" + action + ":" + millis(at), sender,
                    at, receivedAt, text.strip(), List.of(), details));
        } else if (event.hasNonNull("delivery")) {
            JsonNode delivery = object(event, "delivery");
            Instant watermark = epochMillis(delivery, "watermark", path + ".delivery");
            for (JsonNode mid : array(delivery, "mids", path + ".delivery")) {
                statuses.add(new StatusReport(product.provider(), mid.asText(), "delivered", DeliveryStatus.DELIVERED, null,
                        first(watermark, at, receivedAt)));
            }
        } else if (event.hasNonNull("read")) {
            String mid = text(object(event, "read"), "mid");
            if (mid != null) {
                statuses.add(new StatusReport(product.provider(), mid, "read", DeliveryStatus.READ, null,
                        first(at, receivedAt, receivedAt)));
            } else {
                Log.debugf("%s read receipt of %s without a message id (watermark only); not reported", product.label(), sender);
            }
        } else {
            Log.debugf("%s event of %s at %s is not a message (%s); skipped", product.label(), sender, path,
                    String.join(",", (Iterable<String>) event::fieldNames));
        }
    }

    private static void message(MetaProduct product, Inbox inbox, String sender, Instant at, JsonNode message, String path,
            Instant receivedAt, Map<String, String> details, List<InboundMessage> messages) {
        if (isTrue(message, "is_echo")) {
            Log.debugf("%s echo %s of a message the page sent; not a customer's message", product.label(),
                    text(message, "mid"));
            return;
        }
        String mid = required(message, "mid", path);
        if (isTrue(message, "is_deleted")) {
            Log.infof("%s customer %s deleted their message %s; nothing to publish", product.label(), sender, mid);
            return;
        }
        details.put("type", "message");
        put(details, "in-reply-to", text(object(message, "reply_to"), "mid"));
        put(details, "quick-reply-payload", text(object(message, "quick_reply"), "payload"));
        put(details, "referral-ref", text(object(message, "referral"), "ref"));
        Content content = content(message, path, details);
        messages.add(message(product, inbox, mid, sender, at, receivedAt, content.text(), content.attachments(), details));
    }

    private static Content content(JsonNode message, String path, Map<String, String> details) {
        List<String> lines = new ArrayList<>();
        put(lines, text(message, "text"));
        List<Attachment> attachments = new ArrayList<>();
        List<JsonNode> items = array(message, "attachments", path);
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String type = Objects.requireNonNullElse(text(item, "type"), "file");
            JsonNode payload = object(item, "payload");
            String url = text(payload, "url");
            String title = text(item, "title") != null ? text(item, "title") : text(payload, "title");
            switch (type) {
                case "image", "video", "audio", "file" -> {
                    if (url != null) {
                        attachments.add(new Attachment(name(url, type, i), contentType(type), null, url));
                    }
                }
                case "location" -> {
                    JsonNode coordinates = object(payload, "coordinates");
                    lines.add("Location: " + Stream.of(title, text(coordinates, "lat") + ", " + text(coordinates, "long"))
                            .filter(Objects::nonNull).collect(Collectors.joining(" ")));
                }
                default -> {
                    put(details, "ig-post-media-id", text(payload, "ig_post_media_id"));
                    lines.add(describe(type) + ": " + Stream.of(title, url).filter(Objects::nonNull)
                            .collect(Collectors.joining(" ")));
                }
            }
        }
        if (isTrue(message, "is_unsupported")) {
            details.put("unsupported", "true");
            lines.add("[unsupported message]");
        }
        return new Content(String.join("\n", lines), attachments);
    }

    private static InboundMessage message(MetaProduct product, Inbox inbox, String externalId, String sender, Instant at,
            Instant receivedAt, String text, List<Attachment> attachments, Map<String, String> details) {
        return new InboundMessage(MessageIds.forProviderMessage(product.provider(), inbox.id(), externalId), Channel.SOCIAL,
                product.provider(), inbox.id(), externalId, null, new CustomerRef(sender, null), at, receivedAt, null, text,
                null, attachments, null, details);
    }

    private static String describe(String type) {
        return switch (type) {
            case "share", "ig_post" -> "Shared a post";
            case "ig_reel", "reel" -> "Shared a reel";
            case "story_mention" -> "Mentioned you in their story";
            case "template", "fallback" -> "Shared a link";
            default -> "Sent " + type.replace('_', ' ');
        };
    }

    private static String name(String url, String type, int index) {
        String path = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "").replaceFirst("[?#].*$", "");
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.contains(".") ? last : type + "-" + (index + 1);
    }

    private static String contentType(String type) {
        return switch (type) {
            case "image" -> "image/*";
            case "video" -> "video/*";
            case "audio" -> "audio/*";
            default -> "application/octet-stream";
        };
    }

    private static String millis(Instant at) {
        return at == null ? "" : Long.toString(at.toEpochMilli());
    }

    private static Instant first(Instant a, Instant b, Instant c) {
        return a != null ? a : b != null ? b : c;
    }

    private static void put(Map<String, String> details, String name, String value) {
        if (value != null) {
            details.put(name, value);
        }
    }

    private static void put(List<String> lines, String line) {
        if (line != null) {
            lines.add(line);
        }
    }
}
