package io.omnichannel.gateway.adapters.phone;

import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.inbox.InboxRegistry;
import io.omnichannel.gateway.adapters.inbox.UnknownInboxException;
import io.omnichannel.gateway.adapters.outbound.OutboundChannel;
import io.omnichannel.gateway.contract.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Optional;

/**
 * The SMS inbox that texts a phone inbox's callers: the phone inbox's {@code options.sms-inbox},
 * an SMS inbox of any provider this deployment can send through.
 */
@ApplicationScoped
public class SmsReplyInboxes {

    static final String OPTION = "sms-inbox";

    private final InboxRegistry inboxes;
    private final Instance<OutboundChannel> channels;

    SmsReplyInboxes(InboxRegistry inboxes, Instance<OutboundChannel> channels) {
        this.inboxes = inboxes;
        this.channels = channels;
    }

    public Optional<Inbox> of(Inbox phoneInbox) {
        String id = phoneInbox.option(OPTION).orElse(null);
        if (id == null) {
            return Optional.empty();
        }
        for (OutboundChannel channel : channels) {
            if (TranscriptAdapter.PROVIDER.equals(channel.provider())) {
                continue;
            }
            try {
                Inbox inbox = inboxes.require(channel.provider(), id);
                if (inbox.channel() == Channel.SMS) {
                    return Optional.of(inbox);
                }
            } catch (UnknownInboxException e) {
                // not this provider's
            }
        }
        return Optional.empty();
    }

    /** The outbound channel of {@code provider}. */
    public Optional<OutboundChannel> channel(String provider) {
        return channels.stream().filter(channel -> channel.provider().equals(provider)).findFirst();
    }
}
