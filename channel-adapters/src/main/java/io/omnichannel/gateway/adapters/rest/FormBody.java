package io.omnichannel.gateway.adapters.rest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code application/x-www-form-urlencoded} body exactly as sent: every pair in order, repeated
 * names kept, values decoded as UTF-8. Signatures are computed over this, never over a re-encoded form.
 */
public final class FormBody {

    private final List<Map.Entry<String, String>> pairs;

    private FormBody(List<Map.Entry<String, String>> pairs) {
        this.pairs = List.copyOf(pairs);
    }

    public static FormBody parse(String body) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (body != null && !body.isEmpty()) {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                try {
                    pairs.add(new SimpleImmutableEntry<>(decode(name), decode(value)));
                } catch (IllegalArgumentException e) {
                    throw WebhookRejectedException.malformed(name, "the form field '" + name + "' is not valid URL encoding");
                }
            }
        }
        return new FormBody(pairs);
    }

    /** As {@link URLDecoder#decode(String, java.nio.charset.Charset)} in UTF-8, without its cost when nothing is encoded. */
    static String decode(String text) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        if (text.indexOf('%') < 0) {
            return text.replace('+', ' ');
        }
        byte[] bytes = new byte[text.length()];
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                bytes[length++] = ' ';
            } else if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw new IllegalArgumentException("incomplete escape at the end of '" + text + "'");
                }
                bytes[length++] = (byte) (hex(text.charAt(i + 1)) << 4 | hex(text.charAt(i + 2)));
                i += 2;
            } else if (c < 0x80) {
                bytes[length++] = (byte) c;
            } else {
                return URLDecoder.decode(text, StandardCharsets.UTF_8);
            }
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        int digit = Character.digit(c, 16);
        if (digit < 0) {
            throw new IllegalArgumentException("'" + c + "' is not a hex digit");
        }
        return digit;
    }

    public List<Map.Entry<String, String>> pairs() {
        return pairs;
    }

    /** The first value of {@code name}, if present and not blank. */
    public Optional<String> first(String name) {
        return pairs.stream().filter(p -> p.getKey().equals(name)).map(Map.Entry::getValue)
                .filter(value -> !value.isBlank()).findFirst();
    }

    /** The first value of {@code name}; 400 naming the field when it is absent or blank. */
    public String required(String name) {
        return first(name).orElseThrow(() -> WebhookRejectedException.missingField(name));
    }
}
