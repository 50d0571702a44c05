package io.omnichannel.gateway.adapters.email.mime;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;

/**
 * Charset labels as mail clients write them, mapped to the JDK charset that decodes what they meant.
 *
 * <p>Labels name a charset too small for the text more often than not: {@code gb2312} text uses GBK characters,
 * {@code iso-2022-jp} text uses the NEC rows of Windows' code page 50221, {@code ks_c_5601-1987} means code page
 * 949. Each is mapped to the superset, which decodes the strict charset's bytes identically. Labels the JDK does
 * not know ({@code iso-8859-8-i}, {@code utf-7}, invented ones) never fail: they decode as windows-1252, and
 * {@link #resolve} says so, so the parser can leave a note.
 */
public final class MailCharsets {

    /** What an unknown label decodes as: every byte maps to a character, so nothing is lost silently. */
    public static final Charset FALLBACK = Charset.forName("windows-1252");

    /** Labels the JDK does not know, or knows as a narrower charset than mail means by them. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("gb2312", "GB18030"),
            Map.entry("gb_2312-80", "GB18030"),
            Map.entry("gbk", "GB18030"),
            Map.entry("x-gbk", "GB18030"),
            Map.entry("euc-cn", "GB18030"),
            Map.entry("iso-8859-8-i", "ISO-8859-8"),
            Map.entry("iso-8859-8-e", "ISO-8859-8"),
            Map.entry("iso-8859-6-i", "ISO-8859-6"),
            Map.entry("iso-8859-6-e", "ISO-8859-6"),
            Map.entry("ks_c_5601-1987", "x-windows-949"),
            Map.entry("ks_c_5601", "x-windows-949"),
            Map.entry("euc-kr", "x-windows-949"),
            Map.entry("iso-2022-jp", "x-windows-iso2022jp"),
            Map.entry("csiso2022jp", "x-windows-iso2022jp"),
            Map.entry("shift_jis", "windows-31j"),
            Map.entry("x-sjis", "windows-31j"),
            Map.entry("sjis", "windows-31j"),
            Map.entry("big5", "Big5-HKSCS"),
            Map.entry("iso-8859-1", "windows-1252"),
            Map.entry("latin1", "windows-1252"),
            Map.entry("tis-620", "x-windows-874"),
            Map.entry("utf8", "UTF-8"),
            Map.entry("unicode-1-1-utf-8", "UTF-8"));

    private MailCharsets() {
    }

    /** The charset a label should decode as; {@code null} means US-ASCII (RFC 2045's default), never throws. */
    public static Charset forName(String label) {
        return resolve(label).charset();
    }

    /** The charset of a label, and when the label was not understood, a note saying what was done instead. */
    public static Resolution resolve(String label) {
        if (label == null || label.isBlank()) {
            return new Resolution(StandardCharsets.US_ASCII, null);
        }
        String normalized = label.trim().toLowerCase(Locale.ROOT);
        if (normalized.length() > 1 && normalized.startsWith("\"") && normalized.endsWith("\"")) {
            normalized = normalized.substring(1, normalized.length() - 1).trim();
        }
        String alias = ALIASES.get(normalized);
        if (alias != null) {
            return new Resolution(Charset.forName(alias), null);
        }
        if (normalized.equals("utf-7") || normalized.equals("unicode-1-1-utf-7") || normalized.equals("x-utf-7")) {
            return new Resolution(FALLBACK, "charset '" + label.trim() + "' is not supported: decoded as " + FALLBACK.name());
        }
        try {
            return new Resolution(Charset.forName(normalized), null);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return new Resolution(FALLBACK, "charset '" + label.trim() + "' unknown: decoded as " + FALLBACK.name());
        }
    }

    /**
     * A label's charset.
     *
     * @param charset what to decode with, never null
     * @param note    why that is not what the label says, or null when the label was understood
     */
    public record Resolution(Charset charset, String note) {
    }
}
