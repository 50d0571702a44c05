package io.omnichannel.gateway.adapters.social;

import java.util.ArrayList;
import java.util.List;

/** Splits a reply longer than a platform's text limit into parts, at a line or word break where there is one. */
public final class TextParts {

    private TextParts() {
    }

    /** @param max the most UTF-16 characters per part; a surrogate pair is never split */
    public static List<String> split(String text, int max) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > max) {
            int cut = rest.lastIndexOf('\n', max);
            if (cut < max / 2) {
                cut = rest.lastIndexOf(' ', max);
            }
            if (cut < max / 2) {
                cut = Character.isLowSurrogate(rest.charAt(max)) ? max - 1 : max;
            }
            parts.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }
}
