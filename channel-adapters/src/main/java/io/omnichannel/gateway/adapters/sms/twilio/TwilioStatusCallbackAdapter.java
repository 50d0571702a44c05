package io.omnichannel.gateway.adapters.sms.twilio;

import io.omnichannel.gateway.adapters.inbound.InboundAdapter;
import io.omnichannel.gateway.adapters.inbound.Normalized;
import io.omnichannel.gateway.adapters.inbound.StatusReport;
import io.omnichannel.gateway.adapters.inbound.WebhookRequest;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.rest.FormBody;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import io.omnichannel.gateway.contract.DeliveryStatus;
import java.time.Instant;
import java.util.Locale;

/**
 * Twilio's status callbacks of the messages we sent ({@code MessageSid}, {@code MessageStatus},
 * {@code ErrorCode}), signed like inbound webhooks. {@code sent}, {@code delivered}, {@code read},
 * {@code undelivered} and {@code failed} become receipts; the steps before (queued, sending) are
 * recorded but report nothing.
 */
public final class TwilioStatusCallbackAdapter implements InboundAdapter<FormBody> {

    public static final TwilioStatusCallbackAdapter INSTANCE = new TwilioStatusCallbackAdapter();

    private TwilioStatusCallbackAdapter() {
    }

    @Override
    public void verify(Inbox inbox, WebhookRequest request) {
        TwilioSignature.verify(inbox, request);
    }

    @Override
    public FormBody parse(WebhookRequest request) {
        return request.form();
    }

    @Override
    public Normalized normalize(Inbox inbox, FormBody form, Instant receivedAt) {
        String sid = form.required("MessageSid");
        String providerStatus = form.required("MessageStatus").toLowerCase(Locale.ROOT);
        DeliveryStatus status = switch (providerStatus) {
            case "sent" -> DeliveryStatus.SENT;
            case "delivered" -> DeliveryStatus.DELIVERED;
            case "read" -> DeliveryStatus.READ;
            case "undelivered", "failed", "canceled" -> DeliveryStatus.FAILED;
            case "accepted", "queued", "scheduled", "sending" -> null;
            default -> throw WebhookRejectedException.malformed("MessageStatus",
                    "MessageStatus '" + providerStatus + "' is not a Twilio message status");
        };
        String reason = status == DeliveryStatus.FAILED
                ? TwilioErrors.describe(providerStatus, form.first("ErrorCode").orElse(null), form.first("ErrorMessage").orElse(null))
                : null;
        return Normalized.of(new StatusReport(TwilioInboundNormalizer.PROVIDER, sid, providerStatus, status, reason, receivedAt));
    }
}
