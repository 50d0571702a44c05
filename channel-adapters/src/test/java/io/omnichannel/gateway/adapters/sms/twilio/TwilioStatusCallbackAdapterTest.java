package io.omnichannel.gateway.adapters.sms.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.gateway.adapters.inbound.StatusReport;
import io.omnichannel.gateway.adapters.inbound.WebhookRequest;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.rest.FormBody;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import io.omnichannel.gateway.adapters.support.Samples;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.DeliveryStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioStatusCallbackAdapterTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String URL = "https://gateway.test/webhooks/sms/twilio/status";
    private final Inbox inbox = new Inbox("sms-us", Channel.SMS, "twilio", "+19253920364", "12345",
            "AC58f1e8f2b1c6b88ca90a012a4be0c279", null, null, null, Map.of());
    private final TwilioStatusCallbackAdapter adapter = TwilioStatusCallbackAdapter.INSTANCE;

    @Test
    void turnsTheUndeliveredSampleIntoAFailedReportWithAReadableReason() {
        String body = Samples.text("sms/twilio/CONSTRUCTED_status_callback_undelivered.form");
        WebhookRequest request = signed(body);

        adapter.verify(inbox, request);
        StatusReport report = adapter.normalize(inbox, adapter.parse(request), NOW).statuses().get(0);

        assertThat(report.provider()).isEqualTo("twilio");
        assertThat(report.externalId()).isEqualTo("SM0b5fd3a1c7e2f4a8b9c0d1e2f3a4b5c6");
        assertThat(report.providerStatus()).isEqualTo("undelivered");
        assertThat(report.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(report.reason()).isEqualTo(
                "undelivered: the customer's handset is unreachable (switched off or out of coverage) (Twilio error 30003)");
        assertThat(report.occurredAt()).isEqualTo(NOW);
    }

    @Test
    void mapsTwilioStatusesToTheContract() {
        assertThat(status("delivered")).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(status("sent")).isEqualTo(DeliveryStatus.SENT);
        assertThat(status("read")).isEqualTo(DeliveryStatus.READ);
        assertThat(status("failed")).isEqualTo(DeliveryStatus.FAILED);
        assertThat(status("queued")).isNull();
        assertThatThrownBy(() -> status("exploded")).isInstanceOfSatisfying(WebhookRejectedException.class,
                e -> assertThat(e.problem().field()).isEqualTo("MessageStatus"));
    }

    @Test
    void refusesACallbackSignedWithAnotherToken() {
        String body = Samples.text("sms/twilio/CONSTRUCTED_status_callback_undelivered.form");
        WebhookRequest forged = new WebhookRequest("POST", URL, Map.of("x-twilio-signature",
                List.of(TwilioSignature.sign("other", URL, FormBody.parse(body).pairs()))), null, body.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> adapter.verify(inbox, forged)).isInstanceOfSatisfying(WebhookRejectedException.class,
                e -> assertThat(e.problem().status()).isEqualTo(403));
    }

    private DeliveryStatus status(String twilioStatus) {
        return adapter.normalize(inbox, FormBody.parse("MessageSid=SM1&MessageStatus=" + twilioStatus), NOW).statuses().get(0).status();
    }

    private static WebhookRequest signed(String body) {
        String signature = TwilioSignature.sign("12345", URL, FormBody.parse(body).pairs());
        return new WebhookRequest("POST", URL, Map.of("x-twilio-signature", List.of(signature)), null,
                body.getBytes(StandardCharsets.UTF_8));
    }
}
