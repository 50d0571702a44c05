package io.omnichannel.gateway.adapters.social.whatsapp;

import static io.omnichannel.gateway.adapters.social.MetaJson.array;
import static io.omnichannel.gateway.adapters.social.MetaJson.epochSeconds;
import static io.omnichannel.gateway.adapters.social.MetaJson.isTrue;
import static io.omnichannel.gateway.adapters.social.MetaJson.object;
import static io.omnichannel.gateway.adapters.social.MetaJson.required;
import static io.omnichannel.gateway.adapters.social.MetaJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnichannel.gateway.adapters.inbound.StatusReport;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import io.omnichannel.gateway.contract.Attachment;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.CustomerRef;
import io.omnichannel.gateway.contract.DeliveryStatus;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.contract.MessageIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns the {@code value} of a WhatsApp Cloud API {@code messages} change into customers' messages
 * and status reports of our replies.
 *
 * <ul>
 *   <li>Customer: {@code +} and the phone number ({@code from}), or the business-scoped user id
 *       ({@code from_user_id}, e.g. {@code US.1349…}) when the customer hides their number; the
 *       profile name (else username) as display name; user id, username and wa_id in metadata.</li>
 *   <li>Text: the body, a media caption, a location, shared contacts, a reaction ("Reacted 😮"), a
 *       button or list reply; a type WhatsApp could not deliver becomes "[unsupported message …]".</li>
 *   <li>Media: an attachment whose ref is the media URL when the webhook has one, else the Graph API
 *       URL of the media id (both need the inbox's access token).</li>
 *   <li>A quoted reply keeps the quoted wamid as {@code in-reply-to}.</li>
 * </ul>
 */
public final class WhatsAppNormalizer {

    public static final String PROVIDER = "whatsapp";

    private record Content(String text, List<Attachment> attachments) {
        static Content text(String text) {
            return new Content(text, List.of());
        }
    }

    private WhatsAppNormalizer() {
    }

    /**
     * @param graphUrl the Graph API base for media references, e.g. {@code https://graph.facebook.com/v23.0}
     */
    public static void normalize(Inbox inbox, JsonNode value, String path, Instant receivedAt, String graphUrl,
            List<InboundMessage> messages, List<StatusReport> statuses) {
        List<JsonNode> contacts = array(value, "contacts", path);
        List<JsonNode> errors = array(value, "errors", path);
        List<JsonNode> received = array(value, "messages", path);
        for (int k = 0; k < received.size(); k++) {
            messages.add(message(inbox, received.get(k), path + ".messages[" + k + "]", contacts, errors,
                    object(value, "metadata"), receivedAt, graphUrl));
        }
        List<JsonNode> reported = array(value, "statuses", path);
        for (int k = 0; k < reported.size(); k++) {
            statuses.add(status(reported.get(k), path + ".statuses[" + k + "]", receivedAt));
        }
    }

    private static InboundMessage message(Inbox inbox, JsonNode message, String path, List<JsonNode> contacts,
            List<JsonNode> valueErrors, JsonNode metadata, Instant receivedAt, String graphUrl) {
        String wamid = required(message, "id", path);
        String from = text(message, "from");
        String fromUserId = text(message, "from_user_id");
        JsonNode contact = contact(contacts, from, fromUserId);
        String userId = fromUserId != null ? fromUserId : text(contact, "user_id");
        if (from == null && userId == null) {
            throw WebhookRejectedException.malformed(path + ".from", "'" + path + "' names no sender: neither 'from' "
                    + "(phone number) nor 'from_user_id' is present");
        }
        JsonNode profile = object(contact, "profile");
        String name = text(profile, "name");
        String username = text(profile, "username");
        String handle = from != null ? "+" + (from.startsWith("+") ? from.substring(1) : from) : userId;
        String type = required(message, "type", path).toLowerCase(Locale.ROOT);

        Map<String, String> details = new LinkedHashMap<>();
        details.put("type", type);
        put(details, "phone-number-id", text(metadata, "phone_number_id"));
        put(details, "display-phone-number", text(metadata, "display_phone_number"));
        put(details, "wa-id", from != null ? from : text(contact, "wa_id"));
        put(details, "user-id", userId);
        put(details, "parent-user-id", first(text(message, "from_parent_user_id"), text(contact, "parent_user_id")));
        put(details, "username", username);
        JsonNode context = object(message, "context");
        put(details, "in-reply-to", text(context, "id"));
        if (isTrue(context, "forwarded") || isTrue(context, "frequently_forwarded")) {
            details.put("forwarded", "true");
        }
        JsonNode referral = object(message, "referral");
        put(details, "referral-source-url", text(referral, "source_url"));
        put(details, "referral-headline", text(referral, "headline"));

        Content content = content(type, message, path, valueErrors, graphUrl, details);
        return new InboundMessage(MessageIds.forProviderMessage(PROVIDER, inbox.id(), wamid), Channel.SOCIAL, PROVIDER,
                inbox.id(), wamid, null, new CustomerRef(handle, name != null ? name : username),
                epochSeconds(message, "timestamp", path), receivedAt, null, content.text(), null, content.attachments(),
                null, details);
    }

    private static Content content(String type, JsonNode message, String path, List<JsonNode> valueErrors, String graphUrl,
            Map<String, String> details) {
        JsonNode body = message.path(type);
        if (body.isMissingNode() || body.isNull()) {
            return unsupported(type, message, valueErrors, details);
        }
        String at = path + "." + type;
        return switch (type) {
            case "text" -> Content.text(Objects.requireNonNullElse(text(body, "body"), ""));
            case "image", "video", "audio", "document", "sticker" -> media(type, body, at, graphUrl, details);
            case "location" -> location(body, details);
            case "contacts" -> Content.text(sharedContacts(body));
            case "reaction" -> reaction(body, details);
            case "interactive" -> interactive(body, details);
            case "button" -> {
                put(details, "button-payload", text(body, "payload"));
                yield Content.text(Objects.requireNonNullElse(text(body, "text"), ""));
            }
            case "order" -> order(body, details);
            case "system" -> {
                put(details, "system-type", text(body, "type"));
                yield Content.text(Objects.requireNonNullElse(text(body, "body"), ""));
            }
            default -> unsupported(type, message, valueErrors, details);
        };
    }

    private static Content media(String type, JsonNode media, String path, String graphUrl, Map<String, String> details) {
        String id = text(media, "id");
        String url = text(media, "url");
        if (id == null && url == null) {
            throw WebhookRejectedException.missingField(path + ".id");
        }
        String mimeType = text(media, "mime_type");
        boolean voice = isTrue(media, "voice");
        String filename = text(media, "filename");
        String name = filename != null ? filename
                : (voice ? "voice" : type) + (id == null ? "" : "-" + id) + extension(mimeType);
        put(details, "media-id", id);
        put(details, "media-sha256", text(media, "sha256"));
        if (voice) {
            details.put("voice", "true");
        }
        String ref = url != null ? url : graphUrl + "/" + id;
        Attachment attachment = new Attachment(name, mimeType != null ? mimeType : defaultMimeType(type), null, ref);
        return new Content(Objects.requireNonNullElse(text(media, "caption"), ""), List.of(attachment));
    }

    private static Content location(JsonNode location, Map<String, String> details) {
        String latitude = text(location, "latitude");
        String longitude = text(location, "longitude");
        put(details, "latitude", latitude);
        put(details, "longitude", longitude);
        put(details, "location-url", text(location, "url"));
        String place = Stream.of(text(location, "name"), text(location, "address")).filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
        String coordinates = latitude + ", " + longitude;
        return Content.text("Location: " + (place.isEmpty() ? coordinates : place + " (" + coordinates + ")"));
    }

    private static String sharedContacts(JsonNode contacts) {
        List<String> lines = new ArrayList<>();
        for (JsonNode contact : contacts) {
            String name = text(object(contact, "name"), "formatted_name");
            String phones = array(contact, "phones", "contacts").stream().map(phone -> text(phone, "phone"))
                    .filter(Objects::nonNull).collect(Collectors.joining(", "));
            String emails = array(contact, "emails", "contacts").stream().map(email -> text(email, "email"))
                    .filter(Objects::nonNull).collect(Collectors.joining(", "));
            lines.add("Contact: " + Stream.of(name, phones, emails).filter(part -> part != null && !part.isEmpty())
                    .collect(Collectors.joining(" ")));
        }
        return String.join("\n", lines);
    }

    private static Content reaction(JsonNode reaction, Map<String, String> details) {
        String emoji = text(reaction, "emoji");
        put(details, "reaction-to", text(reaction, "message_id"));
        put(details, "reaction-emoji", emoji);
        return Content.text(emoji == null ? "Removed a reaction" : "Reacted " + emoji);
    }

    private static Content interactive(JsonNode interactive, Map<String, String> details) {
        String kind = text(interactive, "type");
        put(details, "interactive-type", kind);
        JsonNode reply = kind == null ? object(interactive, "button_reply") : object(interactive, kind);
        put(details, "reply-id", text(reply, "id"));
        if ("nfm_reply".equals(kind)) {
            put(details, "flow-response", text(reply, "response_json"));
            return Content.text(Objects.requireNonNullElse(text(reply, "body"), "Submitted a form"));
        }
        String title = text(reply, "title");
        String description = text(reply, "description");
        return Content.text(title == null ? "" : description == null ? title : title + " — " + description);
    }

    private static Content order(JsonNode order, Map<String, String> details) {
        put(details, "catalog-id", text(order, "catalog_id"));
        List<String> lines = new ArrayList<>();
        put(lines, text(order, "text"));
        for (JsonNode item : array(order, "product_items", "order")) {
            lines.add("Ordered " + text(item, "quantity") + " × " + text(item, "product_retailer_id") + " at "
                    + text(item, "item_price") + " " + Objects.requireNonNullElse(text(item, "currency"), ""));
        }
        return Content.text(String.join("\n", lines).strip());
    }

    /** A message WhatsApp could not deliver to us, or a type this gateway does not know: said so in the text. */
    private static Content unsupported(String type, JsonNode message, List<JsonNode> valueErrors, Map<String, String> details) {
        List<JsonNode> errors = array(message, "errors", "message");
        JsonNode error = !errors.isEmpty() ? errors.get(0) : valueErrors.isEmpty() ? null : valueErrors.get(0);
        details.put("unsupported", "true");
        String detail = null;
        if (error != null) {
            put(details, "error-code", text(error, "code"));
            put(details, "error-title", text(error, "title"));
            detail = first(text(object(error, "error_data"), "details"), text(error, "title"));
        }
        return Content.text("[unsupported message" + ("unsupported".equals(type) ? "" : " (" + type + ")")
                + (detail == null ? "" : ": " + detail) + "]");
    }

    private static StatusReport status(JsonNode status, String path, Instant receivedAt) {
        String wamid = required(status, "id", path);
        String name = required(status, "status", path).toLowerCase(Locale.ROOT);
        Instant at = epochSeconds(status, "timestamp", path);
        DeliveryStatus delivery = switch (name) {
            case "sent" -> DeliveryStatus.SENT;
            case "delivered" -> DeliveryStatus.DELIVERED;
            case "read" -> DeliveryStatus.READ;
            case "failed" -> DeliveryStatus.FAILED;
            default -> null;
        };
        String reason = null;
        if (delivery == DeliveryStatus.FAILED) {
            List<JsonNode> errors = array(status, "errors", path);
            reason = errors.isEmpty() ? "WhatsApp reports the message failed without a reason" : WhatsAppErrors.describe(errors.get(0));
        }
        return new StatusReport(PROVIDER, wamid, name, delivery, reason, at != null ? at : receivedAt);
    }

    /** The contact entry of the sender: by phone number or user id, else the only one. */
    private static JsonNode contact(List<JsonNode> contacts, String from, String fromUserId) {
        for (JsonNode contact : contacts) {
            if ((from != null && from.equals(text(contact, "wa_id")))
                    || (fromUserId != null && fromUserId.equals(text(contact, "user_id")))) {
                return contact;
            }
        }
        return contacts.size() == 1 ? contacts.get(0) : null;
    }

    private static String extension(String mimeType) {
        if (mimeType == null) {
            return "";
        }
        String bare = mimeType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return switch (bare) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/webp" -> ".webp";
            case "audio/ogg" -> ".ogg";
            case "audio/mpeg" -> ".mp3";
            case "audio/mp4" -> ".m4a";
            case "audio/aac" -> ".aac";
            case "audio/amr" -> ".amr";
            case "video/mp4" -> ".mp4";
            case "video/3gpp" -> ".3gp";
            case "application/pdf" -> ".pdf";
            default -> "";
        };
    }

    private static String defaultMimeType(String type) {
        return switch (type) {
            case "sticker" -> "image/webp";
            case "image" -> "image/jpeg";
            default -> "application/octet-stream";
        };
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
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
