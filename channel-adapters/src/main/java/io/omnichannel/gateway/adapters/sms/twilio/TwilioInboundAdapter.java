package io.omnichannel.gateway.adapters.sms.twilio;

import io.omnichannel.gateway.adapters.inbound.InboundAdapter;
import io.omnichannel.gateway.adapters.inbound.Normalized;
import io.omnichannel.gateway.adapters.inbound.WebhookRequest;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.rest.FormBody;
import java.time.Instant;

/** Twilio's inbound SMS/MMS webhook: {@code X-Twilio-Signature}, form fields, one message per call. */
public final class TwilioInboundAdapter implements InboundAdapter<FormBody> {

    public static final TwilioInboundAdapter INSTANCE = new TwilioInboundAdapter();

    private TwilioInboundAdapter() {
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
        // the default inbox is named after the number written to, so its messages keep that number as inbox
        String inboxId = inbox.address() != null && inbox.address().equals(inbox.id()) ? null : inbox.id();
        return Normalized.of(TwilioInboundNormalizer.normalize(inboxId, form, receivedAt));
    }
}
