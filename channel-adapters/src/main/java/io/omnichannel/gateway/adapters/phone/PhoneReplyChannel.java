package io.omnichannel.gateway.adapters.phone;

import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.outbound.DeliveryResult;
import io.omnichannel.gateway.adapters.outbound.OutboundChannel;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.OutboundMessage;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Replies that name a phone inbox ({@code provider=transcripts}). A call cannot be replied to: a
 * reply on channel {@code phone} is refused with a reason saying so, and a reply on channel
 * {@code sms} is texted to the caller through the phone inbox's SMS inbox ({@code options.sms-inbox}),
 * its receipts keyed by the phone conversation. Replies that name the SMS inbox and its provider
 * directly (the call's metadata {@code reply-inbox}, {@code reply-provider}) need none of this: they
 * go the SMS way as they are.
 */
@ApplicationScoped
public class PhoneReplyChannel implements OutboundChannel {

    private final SmsReplyInboxes smsInboxes;
    private final ReplyLinks links;

    PhoneReplyChannel(SmsReplyInboxes smsInboxes, ReplyLinks links) {
        this.smsInboxes = smsInboxes;
        this.links = links;
    }

    @Override
    public String provider() {
        return TranscriptAdapter.PROVIDER;
    }

    @Override
    public DeliveryResult deliver(Inbox inbox, OutboundMessage message) {
        if (message.channel() != Channel.SMS) {
            return DeliveryResult.rejected("a phone call cannot be replied to: send the reply on channel sms to the "
                    + "caller's number " + message.to() + " (the call's metadata reply-inbox names the SMS inbox)");
        }
        Optional<Inbox> sms = smsInboxes.of(inbox);
        if (sms.isEmpty()) {
            return DeliveryResult.rejected("the phone inbox '" + inbox.id() + "' has no SMS inbox to text its callers "
                    + "from; set adapters.inboxes.\"" + inbox.id() + "\".options." + SmsReplyInboxes.OPTION);
        }
        Optional<OutboundChannel> channel = smsInboxes.channel(sms.get().provider());
        if (channel.isEmpty()) {
            return DeliveryResult.rejected("no outbound channel for provider '" + sms.get().provider() + "' in this deployment");
        }
        Log.infof("reply %s to a call of %s goes by SMS through inbox %s", message.id(), message.to(), sms.get().id());
        DeliveryResult result = channel.get().deliver(sms.get(), message);
        if (result.isAccepted() && !result.externalIds().isEmpty()) {
            links.link(sms.get().provider(), result.externalIds(), message.id());
        }
        return result;
    }
}
