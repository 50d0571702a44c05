package io.omnichannel.gateway.adapters.email.mime;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.util.MimeParameterMapping;

/**
 * File names from Content-Disposition {@code filename} or Content-Type {@code name}, in each of the ways mail
 * writes them: RFC 2231 ({@code filename*=utf-8''%E2%82%AC.pdf}, split over {@code filename*0*}, {@code filename*1*}
 * sections), RFC 2047 words inside the quotes (what Outlook and many others send) or plain.
 *
 * <p>mime4j splits the parameters; its RFC 2231 decoding ({@link MimeParameterMapping}) decodes each section on its
 * own, which breaks a character whose bytes are split over two sections, so the sections are joined first, and the
 * charset labels go through {@link MailCharsets} before mime4j decodes.
 */
final class MimeParameters {

    private MimeParameters() {
    }

    static String filename(Part part, Consumer<String> notes) {
        String name = parameter(part.field("Content-Disposition"), "filename", notes);
        if (name == null) {
            name = parameter(part.field("Content-Type"), "name", notes);
        }
        return name;
    }

    /** The decoded value of a parameter, or null when absent or blank. */
    static String parameter(Field field, String wanted, Consumer<String> notes) {
        if (field == null) {
            return null;
        }
        RawField raw = field instanceof RawField rawField ? rawField : new RawField(field.getName(), field.getBody());
        RawBody body = RawFieldParser.DEFAULT.parseRawBody(raw);
        String plain = null;
        Map<Integer, String> sections = new TreeMap<>();
        boolean extended = false;
        for (NameValuePair pair : body.getParams()) {
            String name = pair.getName().toLowerCase(Locale.ROOT).strip();
            String value = pair.getValue() == null ? "" : pair.getValue();
            if (name.equals(wanted)) {
                plain = value;
            } else if (name.startsWith(wanted + "*")) {
                String section = name.substring(wanted.length() + 1);
                boolean encoded = section.endsWith("*") || section.isEmpty();
                String number = section.endsWith("*") ? section.substring(0, section.length() - 1) : section;
                int index = number.isEmpty() ? 0 : parseSection(number);
                if (index >= 0 && !sections.containsKey(index)) {
                    if (index == 0) {
                        extended = encoded;
                    }
                    sections.put(index, encoded ? value.replace("+", "%2B") : percentEncoded(value, extended));
                }
            }
        }
        String decoded;
        if (!sections.isEmpty()) {
            String joined = String.join("", sections.values());
            decoded = extended ? decodeExtended(joined, notes) : EncodedWords.decode(joined, notes);
        } else {
            decoded = plain == null ? null : EncodedWords.decode(plain, notes);
        }
        return decoded == null || decoded.isBlank() ? null : decoded.strip();
    }

    private static String decodeExtended(String value, Consumer<String> notes) {
        int charsetEnd = value.indexOf('\'');
        int languageEnd = charsetEnd < 0 ? -1 : value.indexOf('\'', charsetEnd + 1);
        if (languageEnd < 0) {
            return EncodedWords.decode(value, notes);
        }
        MailCharsets.Resolution charset = MailCharsets.resolve(value.substring(0, charsetEnd));
        notes.accept(charset.note());
        MimeParameterMapping mapping = new MimeParameterMapping();
        mapping.addParameter("value*", charset.charset().name() + value.substring(charsetEnd));
        return mapping.get("value");
    }

    /** An unencoded section following encoded ones is literal text: escape it for the percent-decoding. */
    private static String percentEncoded(String value, boolean extended) {
        return extended ? value.replace("%", "%25").replace("+", "%2B") : value;
    }

    private static int parseSection(String number) {
        try {
            int index = Integer.parseInt(number);
            return index < 1000 ? index : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
