package io.omnichannel.gateway.adapters.sms;

import java.util.ArrayList;
import java.util.List;

/**
 * How an SMS text travels: in the GSM 7-bit alphabet when every character is in it (160 septets
 * in one message, 153 per part of a longer one; the extension characters {@code ^{}\[~]|€} and
 * form feed take two), else in UCS-2 (70 UTF-16 units in one message, 67 per part: Chinese,
 * Persian, emoji). Parts never split an escape pair or a surrogate pair.
 */
public final class SmsSegments {

    public enum Encoding {
        GSM_7(160, 153), UCS_2(70, 67);

        public final int single;
        public final int perPart;

        Encoding(int single, int perPart) {
            this.single = single;
            this.perPart = perPart;
        }
    }

    /** The text cut into the parts the network sends, and their encoding. */
    public record Split(Encoding encoding, List<String> parts) {
        public int count() {
            return parts.size();
        }
    }

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    private SmsSegments() {
    }

    public static Encoding encoding(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) < 0 && GSM_EXTENSION.indexOf(c) < 0) {
                return Encoding.UCS_2;
            }
        }
        return Encoding.GSM_7;
    }

    public static Split split(String text) {
        Encoding encoding = encoding(text);
        if (length(text, encoding) <= encoding.single) {
            return new Split(encoding, text.isEmpty() ? List.of("") : List.of(text));
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        int used = 0;
        int i = 0;
        while (i < text.length()) {
            int width = encoding == Encoding.GSM_7 ? septets(text.charAt(i)) : 1;
            int chars = encoding == Encoding.UCS_2 && Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length() ? 2 : 1;
            int units = encoding == Encoding.GSM_7 ? width : chars;
            if (used + units > encoding.perPart) {
                parts.add(text.substring(start, i));
                start = i;
                used = 0;
            }
            used += units;
            i += chars;
        }
        parts.add(text.substring(start));
        return new Split(encoding, parts);
    }

    /** Septets (GSM-7) or UTF-16 units (UCS-2) the text takes. */
    public static int length(String text, Encoding encoding) {
        if (encoding == Encoding.UCS_2) {
            return text.length();
        }
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            septets += septets(text.charAt(i));
        }
        return septets;
    }

    /**
     * Groups whole parts into texts of at most {@code maxChars} characters each, for providers that
     * limit one API message (Twilio: 1600); every character of the text is in exactly one chunk.
     */
    public static List<String> chunks(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return List.of(text);
        }
        List<String> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        for (String part : split(text).parts()) {
            if (chunk.length() + part.length() > maxChars && chunk.length() > 0) {
                chunks.add(chunk.toString());
                chunk.setLength(0);
            }
            chunk.append(part);
        }
        chunks.add(chunk.toString());
        return chunks;
    }

    private static int septets(char c) {
        return GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 1;
    }
}
