package io.omnichannel.gateway.adapters.chat;

import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.outbound.DeliveryResult;
import io.omnichannel.gateway.adapters.outbound.OutboundChannel;
import io.omnichannel.gateway.adapters.outbound.TransientDeliveryException;
import io.omnichannel.gateway.contract.OutboundMessage;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Agents' replies to web chat visitors: stored per conversation ({@link ChatReplies}), which pushes
 * them to the visitor's open sockets on whichever instance holds them; a visitor who is away gets
 * them on return. "Sent" therefore means stored for the visitor; {@code delivered} and {@code read}
 * follow when the widget acknowledges them. The provider id is the reply's own id.
 */
@ApplicationScoped
public class WebChatOutboundChannel implements OutboundChannel {

    private final ChatReplies replies;

    WebChatOutboundChannel(ChatReplies replies) {
        this.replies = replies;
    }

    @Override
    public String provider() {
        return WebChat.PROVIDER;
    }

    @Override
    public DeliveryResult deliver(Inbox inbox, OutboundMessage message) {
        if (message.text().isBlank() && message.attachments().isEmpty()) {
            return DeliveryResult.rejected("the reply has neither text nor attachments; there is nothing to show the visitor");
        }
        StoredReply stored;
        try {
            stored = replies.store(message);
        } catch (RuntimeException e) {
            throw new TransientDeliveryException("the chat replies could not be stored: " + e.getMessage(), e);
        }
        Log.debugf("reply %s stored for %s as message %d", message.id(), message.conversationKey(), stored.cursor());
        return DeliveryResult.accepted(message.id());
    }
}
