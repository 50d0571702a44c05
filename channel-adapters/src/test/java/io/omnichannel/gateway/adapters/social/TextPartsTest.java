package io.omnichannel.gateway.adapters.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextPartsTest {

    @Test
    void keepsAShortTextWhole() {
        assertThat(TextParts.split("hello", 10)).containsExactly("hello");
        assertThat(TextParts.split("", 10)).containsExactly("");
    }

    @Test
    void cutsALongTextAtWordBreaksWithinTheLimit() {
        List<String> parts = TextParts.split("one two three four five six", 10);

        assertThat(parts).containsExactly("one two", "three four", "five six");
        assertThat(parts).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(10));
    }

    @Test
    void neverSplitsASurrogatePair() {
        String text = "a" + "😀".repeat(10);

        List<String> parts = TextParts.split(text, 4);

        assertThat(String.join("", parts)).isEqualTo(text);
        assertThat(parts).allSatisfy(part -> assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1))).isFalse());
    }
}
