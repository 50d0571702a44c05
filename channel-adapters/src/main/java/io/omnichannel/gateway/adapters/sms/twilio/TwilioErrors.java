package io.omnichannel.gateway.adapters.sms.twilio;

import java.util.Map;

/** Twilio's error codes of failed messages, in words an agent can act on. */
final class TwilioErrors {

    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("21211", "the 'To' number is not a valid phone number"),
            Map.entry("21408", "sending to this region is not enabled on the Twilio account"),
            Map.entry("21610", "the customer has opted out (replied STOP); they must opt in again before we can text them"),
            Map.entry("21614", "the 'To' number is not a mobile number"),
            Map.entry("21617", "the message is longer than Twilio's 1600 characters"),
            Map.entry("30003", "the customer's handset is unreachable (switched off or out of coverage)"),
            Map.entry("30004", "the message was blocked by the customer's carrier or device"),
            Map.entry("30005", "the customer's number is unknown to their carrier (it may no longer exist)"),
            Map.entry("30006", "the number is a landline or its carrier cannot receive SMS"),
            Map.entry("30007", "the carrier filtered the message as spam"),
            Map.entry("30008", "the carrier reported an unknown error"));

    private TwilioErrors() {
    }

    /** "undelivered: the customer's handset is unreachable (Twilio error 30003)". */
    static String describe(String status, String code, String message) {
        String words = code == null ? null : KNOWN.get(code);
        if (words == null) {
            words = message != null ? message : "Twilio gave no reason";
        }
        return status + ": " + words + (code == null ? "" : " (Twilio error " + code + ")");
    }
}
