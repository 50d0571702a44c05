package io.omnichannel.gateway.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.gateway.adapters.support.Samples;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormBodyTest {

    @Test
    void decodesLikeTheJdkDecoder() {
        for (String encoded : List.of("plain", "a+b", "%2B14155550100", "%D8%B3%D9%84%D8%A7%D9%85+%E4%BD%A0%E5%A5%BD",
                "100%25", "%e2%80%94", "", "a%20b+c")) {
            assertThat(FormBody.decode(encoded)).as(encoded).isEqualTo(URLDecoder.decode(encoded, StandardCharsets.UTF_8));
        }
    }

    @Test
    void keepsEveryPairInOrderIncludingRepeatsAndEmptyValues() {
        FormBody form = FormBody.parse(Samples.text("sms/twilio/inbound_sms.form") + "&Digits=2&Digits=1&Empty=");
        assertThat(form.pairs()).hasSize(22);
        assertThat(form.first("Body")).contains("twilio-go testing!");
        assertThat(form.pairs()).contains(Map.entry("Digits", "2"), Map.entry("Digits", "1"), Map.entry("Empty", ""));
        assertThat(form.first("Empty")).isEmpty();
    }

    @Test
    void namesAFieldWithBrokenEncoding() {
        assertThatThrownBy(() -> FormBody.parse("Body=%E4%B&To=x")).isInstanceOfSatisfying(WebhookRejectedException.class,
                e -> assertThat(e.problem().field()).isEqualTo("Body"));
        assertThatThrownBy(() -> FormBody.parse("Body=%zz")).isInstanceOf(WebhookRejectedException.class);
    }
}
