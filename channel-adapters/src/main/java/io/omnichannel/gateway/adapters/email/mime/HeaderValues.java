package io.omnichannel.gateway.adapters.email.mime;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.field.DateTimeField;
import org.apache.james.mime4j.field.DateTimeFieldLenientImpl;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.stream.Field;

/** The envelope header values: addresses, message ids, the date, unstructured text. */
final class HeaderValues {

    private static final Pattern MSG_ID = Pattern.compile("<\\s*([^<>\\s]+)\\s*>");
    /** A run of non-ASCII characters, with the spaces between them, in a header written in raw UTF-8 (RFC 6532). */
    private static final Pattern NON_ASCII_RUN = Pattern.compile("[^\\x00-\\x7F]+(?:[ \\t]+[^\\x00-\\x7F]+)*");

    private HeaderValues() {
    }

    /** Unstructured text (Subject, Thread-Topic, ...) with its encoded words decoded, or null. */
    static String text(Field field, Consumer<String> notes) {
        if (field == null) {
            return null;
        }
        return EncodedWords.decode(field.getBody(), notes).strip();
    }

    /**
     * The mailboxes of an address header, groups flattened. mime4j's lenient parser reads the header as bytes, one
     * character each, so raw UTF-8 display names are first turned into encoded words, which it decodes.
     */
    static List<EmailAddress> addresses(Field field, Consumer<String> notes) {
        List<EmailAddress> addresses = new ArrayList<>();
        if (field == null) {
            return addresses;
        }
        String value = asciiOnly(EncodedWords.withResolvedLabels(field.getBody(), notes));
        AddressList list = LenientAddressParser.DEFAULT.parseAddressList(value);
        for (Mailbox mailbox : list.flatten()) {
            String address = mailbox.getAddress();
            if (address == null || address.isBlank()) {
                continue;
            }
            if (address.contains("=?")) {
                address = DecoderUtil.decodeEncodedWords(address, DecodeMonitor.SILENT);
            }
            String name = mailbox.getName();
            addresses.add(new EmailAddress(address.strip().toLowerCase(Locale.ROOT),
                    name == null || name.isBlank() ? null : name.strip()));
        }
        return addresses;
    }

    static EmailAddress firstAddress(Field field, Consumer<String> notes) {
        List<EmailAddress> addresses = addresses(field, notes);
        return addresses.isEmpty() ? null : addresses.get(0);
    }

    /** The msg-ids of Message-ID, In-Reply-To or References, without angle brackets, in order. */
    static List<String> messageIds(Field field) {
        List<String> ids = new ArrayList<>();
        if (field == null) {
            return ids;
        }
        String body = field.getBody();
        Matcher id = MSG_ID.matcher(body);
        while (id.find()) {
            ids.add(id.group(1));
        }
        if (ids.isEmpty()) {
            // some mailers leave the brackets out
            for (String token : body.split("[\\s,]+")) {
                if (token.contains("@")) {
                    ids.add(token);
                }
            }
        }
        return ids;
    }

    static String firstMessageId(Field field) {
        List<String> ids = messageIds(field);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** The Date, or null when absent or unreadable (with a note then). */
    static Instant date(Field field, Consumer<String> notes) {
        if (field == null) {
            return null;
        }
        DateTimeField parsed = field instanceof DateTimeField dateTime ? dateTime
                : DateTimeFieldLenientImpl.PARSER.parse(field, DecodeMonitor.SILENT);
        Date date = parsed.getDate();
        if (date == null) {
            notes.accept("the Date header '" + field.getBody().strip() + "' could not be read");
            return null;
        }
        return date.toInstant();
    }

    private static String asciiOnly(String value) {
        Matcher run = NON_ASCII_RUN.matcher(value);
        StringBuilder out = new StringBuilder(value.length());
        while (run.find()) {
            String word = "=?UTF-8?B?" + Base64.getEncoder().encodeToString(run.group().getBytes(StandardCharsets.UTF_8)) + "?=";
            run.appendReplacement(out, Matcher.quoteReplacement(word));
        }
        run.appendTail(out);
        return out.toString();
    }
}
