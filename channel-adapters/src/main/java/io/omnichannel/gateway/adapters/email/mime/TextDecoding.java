package io.omnichannel.gateway.adapters.email.mime;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The characters of a text part's decoded bytes. Never fails: bytes the charset cannot decode become U+FFFD, with a
 * note. A part that claims US-ASCII (or claims nothing, which RFC 2045 makes US-ASCII) but has 8-bit bytes is read
 * as UTF-8 when it is valid UTF-8, else as windows-1252: such mail is mislabelled far more often than broken.
 */
final class TextDecoding {

    private TextDecoding() {
    }

    static String decode(byte[] bytes, String charsetLabel, String what, Consumer<String> notes) {
        MailCharsets.Resolution resolution = MailCharsets.resolve(charsetLabel);
        notes.accept(resolution.note());
        Charset charset = resolution.charset();
        if (charset.equals(StandardCharsets.US_ASCII) && !isAscii(bytes)) {
            String utf8 = strict(bytes, StandardCharsets.UTF_8);
            if (utf8 != null) {
                return utf8;
            }
            notes.accept(what + " labelled " + (charsetLabel == null ? "without charset" : "'" + charsetLabel + "'")
                    + " has 8-bit bytes that are not UTF-8: decoded as " + MailCharsets.FALLBACK.name());
            return new String(bytes, MailCharsets.FALLBACK);
        }
        String text = strict(bytes, charset);
        if (text == null) {
            notes.accept(what + " has bytes that are not valid " + charset.name() + ": shown as U+FFFD");
            text = new String(bytes, charset);
        }
        return text;
    }

    private static String strict(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
