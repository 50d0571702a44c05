package io.omnichannel.gateway.adapters.email.mime;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/**
 * RFC 2047 encoded words ({@code =?charset?B|Q?text?=}) decoded by mime4j with {@link MailCharsets}' view of the
 * charset labels.
 *
 * <p>mime4j looks a word's label up with {@code Charset.forName}, which fails for {@code iso-8859-8-i} and picks the
 * strict charset for {@code gb2312} or {@code iso-2022-jp}. So before mime4j sees a header value, each word's label
 * is replaced by the canonical name of the charset {@link MailCharsets} resolves it to; the encoded text itself is
 * left alone. The same rewriting serves mime4j's address parser, which decodes display names on its own.
 */
final class EncodedWords {

    /** The charset label of an encoded word, with the RFC 2231 language suffix ({@code =?utf-8*en?Q?...}). */
    private static final Pattern WORD_LABEL = Pattern.compile("=\\?([^?*\\s]+)(\\*[^?\\s]*)?\\?([bBqQ])\\?");

    private EncodedWords() {
    }

    /** The value with every encoded word's label replaced by the charset it decodes as; notes unknown labels. */
    static String withResolvedLabels(String value, Consumer<String> notes) {
        if (value == null || !value.contains("=?")) {
            return value;
        }
        Matcher word = WORD_LABEL.matcher(value);
        StringBuilder out = new StringBuilder(value.length());
        while (word.find()) {
            MailCharsets.Resolution resolution = MailCharsets.resolve(word.group(1));
            if (resolution.note() != null) {
                notes.accept(resolution.note());
            }
            word.appendReplacement(out, Matcher.quoteReplacement("=?" + resolution.charset().name() + "?" + word.group(3) + "?"));
        }
        word.appendTail(out);
        return out.toString();
    }

    /** A header value with its encoded words decoded; text outside them is kept as it is. */
    static String decode(String value, Consumer<String> notes) {
        if (value == null) {
            return null;
        }
        return DecoderUtil.decodeEncodedWords(withResolvedLabels(value, notes), DecodeMonitor.SILENT, MailCharsets.FALLBACK);
    }
}
