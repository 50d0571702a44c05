package io.omnichannel.gateway.adapters.sms;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.gateway.adapters.sms.SmsSegments.Encoding;
import io.omnichannel.gateway.adapters.sms.SmsSegments.Split;
import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

    @Test
    void fitsOneGsmMessageUpTo160Characters() {
        assertThat(SmsSegments.split("a".repeat(160))).satisfies(split -> {
            assertThat(split.encoding()).isEqualTo(Encoding.GSM_7);
            assertThat(split.count()).isEqualTo(1);
        });
        Split longer = SmsSegments.split("a".repeat(161));
        assertThat(longer.count()).isEqualTo(2);
        assertThat(longer.parts()).extracting(String::length).containsExactly(153, 8);
        assertThat(SmsSegments.split("a".repeat(306)).count()).isEqualTo(2);
        assertThat(SmsSegments.split("a".repeat(307)).count()).isEqualTo(3);
    }

    @Test
    void countsExtensionCharactersAsTwoSeptetsAndNeverSplitsThem() {
        assertThat(SmsSegments.encoding("Price: 5€ [promo] {ok} ~ | ^ \\")).isEqualTo(Encoding.GSM_7);
        assertThat(SmsSegments.length("€", Encoding.GSM_7)).isEqualTo(2);
        assertThat(SmsSegments.split("€".repeat(80)).count()).isEqualTo(1);
        assertThat(SmsSegments.split("€".repeat(81)).count()).isEqualTo(2);
        // 152 septets of 'a', then a euro sign that does not fit in the first part's last septet
        Split split = SmsSegments.split("a".repeat(152) + "€" + "b".repeat(10));
        assertThat(split.parts().get(0)).isEqualTo("a".repeat(152));
        assertThat(split.parts().get(1)).startsWith("€");
        assertThat(String.join("", split.parts())).isEqualTo("a".repeat(152) + "€" + "b".repeat(10));
    }

    @Test
    void sendsChineseAndPersianAsUcs2With70And67CharactersPerSegment() {
        assertThat(SmsSegments.encoding("你好")).isEqualTo(Encoding.UCS_2);
        assertThat(SmsSegments.encoding("سلام")).isEqualTo(Encoding.UCS_2);
        assertThat(SmsSegments.split("你".repeat(70)).count()).isEqualTo(1);
        Split chinese = SmsSegments.split("你".repeat(71));
        assertThat(chinese.parts()).extracting(String::length).containsExactly(67, 4);
        Split persian = SmsSegments.split("سلام دوست من ".repeat(12));
        assertThat(persian.encoding()).isEqualTo(Encoding.UCS_2);
        assertThat(persian.count()).isEqualTo((int) Math.ceil(156 / 67.0));
        // one character outside GSM-7 makes the whole text UCS-2
        assertThat(SmsSegments.split("a".repeat(100) + "ç").encoding()).isEqualTo(Encoding.UCS_2);
        assertThat(SmsSegments.split("a".repeat(100) + "ç").count()).isEqualTo(2);
    }

    @Test
    void neverSplitsASurrogatePair() {
        String text = "a".repeat(66) + "😀" + "b".repeat(10);
        Split split = SmsSegments.split(text);
        assertThat(split.parts().get(0)).isEqualTo("a".repeat(66));
        assertThat(split.parts().get(1)).startsWith("😀");
        assertThat(SmsSegments.split("😀".repeat(35)).count()).isEqualTo(1);
    }

    @Test
    void cutsTextsOverAProviderLimitAtPartBoundaries() {
        String text = "x".repeat(1600) + "y".repeat(200);
        assertThat(SmsSegments.chunks(text, 1600)).allSatisfy(chunk -> assertThat(chunk.length()).isLessThanOrEqualTo(1600))
                .satisfies(chunks -> assertThat(String.join("", chunks)).isEqualTo(text));
        assertThat(SmsSegments.chunks("short", 1600)).containsExactly("short");
        assertThat(SmsSegments.split("").parts()).containsExactly("");
    }
}
