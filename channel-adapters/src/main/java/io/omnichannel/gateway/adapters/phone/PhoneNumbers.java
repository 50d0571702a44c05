package io.omnichannel.gateway.adapters.phone;

import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import java.util.regex.Pattern;

/** Phone numbers of the call as the request gives them, checked and brought to E.164 ({@code +4477009...}). */
final class PhoneNumbers {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{3,14}");

    private PhoneNumbers() {
    }

    /**
     * @param raw the query parameter as decoded: a {@code +} not encoded as {@code %2B} arrives as a space, and is
     *            taken for the {@code +} it was
     * @return the number in E.164, or null when {@code raw} is absent or blank
     * @throws WebhookRejectedException 400 naming {@code field} when it is not a phone number in E.164
     */
    static String e164(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String number = raw.startsWith(" ") && !raw.isBlank() ? "+" + raw.strip() : raw.strip();
        number = number.replaceAll("[\\s().-]", "");
        if (!E164.matcher(number).matches()) {
            throw WebhookRejectedException.malformed(field, "'" + field + "' must be a phone number in E.164 form, e.g. "
                    + "+447700900123 (write the '+' as %2B in a query string); got '" + raw.strip() + "'");
        }
        return number;
    }
}
