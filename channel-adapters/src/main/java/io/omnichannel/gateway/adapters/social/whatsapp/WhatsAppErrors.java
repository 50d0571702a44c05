package io.omnichannel.gateway.adapters.social.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnichannel.gateway.adapters.social.MetaJson;
import java.util.Map;

/** WhatsApp Cloud API error codes, in words an agent can act on. */
public final class WhatsAppErrors {

    /** The customer service window is closed: only templates may be sent. */
    public static final String RE_ENGAGEMENT = "131047";

    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry(RE_ENGAGEMENT, "more than 24 hours have passed since the customer last wrote: "
                    + "a template is required to write to them now"),
            Map.entry("131026", "the message could not be delivered: the customer may not have WhatsApp, "
                    + "or has not accepted its current terms"),
            Map.entry("131049", "WhatsApp did not deliver it to keep the customer's experience healthy; "
                    + "try again later or in another way"),
            Map.entry("131050", "the customer has stopped marketing messages from this business"),
            Map.entry("131051", "this message type is not supported"),
            Map.entry("131052", "the customer's media could not be downloaded"),
            Map.entry("131053", "the attachment could not be uploaded: check its URL and type"),
            Map.entry("131062", "this message cannot be sent to a customer known only by their WhatsApp user id"),
            Map.entry("131021", "the recipient is the business's own number"),
            Map.entry("131031", "the WhatsApp business account is locked"),
            Map.entry("131042", "the WhatsApp business account has a payment issue"),
            Map.entry("190", "the inbox's access token is invalid or expired: renew the api-token"),
            Map.entry("10", "the access token lacks the permission for this (whatsapp_business_messaging)"),
            Map.entry("100", "WhatsApp refused a parameter of the request"),
            Map.entry("131009", "WhatsApp refused a parameter value of the request"));

    private WhatsAppErrors() {
    }

    /** @param error one element of a webhook's or an API answer's {@code errors}, or the API's {@code error} */
    public static String describe(JsonNode error) {
        String code = MetaJson.text(error, "code");
        String title = MetaJson.text(error, "title");
        if (title == null) {
            title = MetaJson.text(error, "message");
        }
        String details = MetaJson.text(MetaJson.object(error, "error_data"), "details");
        StringBuilder reason = new StringBuilder("WhatsApp error");
        if (code != null) {
            reason.append(' ').append(code);
        }
        if (title != null) {
            reason.append(": ").append(title);
        }
        if (details != null && !details.equals(title)) {
            reason.append(" (").append(details).append(')');
        }
        String known = code == null ? null : KNOWN.get(code);
        return known == null ? reason.toString() : known + " [" + reason + "]";
    }
}
