package io.omnichannel.gateway.adapters.sms.twilio;

import io.omnichannel.gateway.adapters.rest.FormBody;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import io.omnichannel.gateway.contract.Attachment;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.CustomerRef;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.contract.MessageIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns Twilio's inbound message webhook (form fields {@code MessageSid, From, To, Body, NumMedia,
 * MediaUrlN, MediaContentTypeN, ...}) into the contract's message. The inbox is the number written
 * to ({@code To}); the customer is the sender ({@code From}).
 */
public final class TwilioInboundNormalizer {

    static final String PROVIDER = "twilio";
    private static final int MAX_MEDIA = 10;
    private static final List<String> KEPT_DETAILS = List.of("AccountSid", "MessagingServiceSid", "NumSegments",
            "FromCountry", "FromState", "FromCity", "FromZip", "ProfileName", "WaId", "To");

    private TwilioInboundNormalizer() {
    }

    /** Normalizes for the default inbox: the number written to ({@code To}) is the inbox. */
    public static InboundMessage normalize(FormBody form, Instant receivedAt) {
        return normalize(null, form, receivedAt);
    }

    /** @param inboxId the configured inbox, or null for the number written to */
    public static InboundMessage normalize(String inboxId, FormBody form, Instant receivedAt) {
        String messageSid = form.required("MessageSid");
        String from = form.required("From");
        String to = form.required("To");
        String inbox = inboxId == null ? to : inboxId;
        String text = form.first("Body").orElse("");

        Map<String, String> details = new LinkedHashMap<>();
        for (String name : KEPT_DETAILS) {
            form.first(name).ifPresent(value -> details.put(name, value));
        }
        return new InboundMessage(
                MessageIds.forProviderMessage(PROVIDER, inbox, messageSid),
                Channel.SMS, PROVIDER, inbox, messageSid, null,
                new CustomerRef(from, form.first("ProfileName").orElse(null)),
                null, receivedAt, null, text, null,
                media(form), null, details);
    }

    private static List<Attachment> media(FormBody form) {
        int count = form.first("NumMedia").map(value -> parseCount(value)).orElse(0);
        List<Attachment> attachments = new ArrayList<>();
        for (int i = 0; i < Math.min(count, MAX_MEDIA); i++) {
            String url = form.required("MediaUrl" + i);
            String contentType = form.first("MediaContentType" + i).orElse("application/octet-stream");
            attachments.add(new Attachment(url.substring(url.lastIndexOf('/') + 1), contentType, null, url));
        }
        return attachments;
    }

    private static int parseCount(String value) {
        try {
            int count = Integer.parseInt(value.trim());
            if (count < 0) {
                throw new NumberFormatException();
            }
            return count;
        } catch (NumberFormatException e) {
            throw WebhookRejectedException.malformed("NumMedia", "NumMedia must be a whole number, got '" + value + "'");
        }
    }
}
