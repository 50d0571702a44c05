package io.omnichannel.gateway.adapters.outbound;

import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.contract.OutboundMessage;

/**
 * The outbound half of a channel: hands one reply to the provider. Implementations are
 * {@code @ApplicationScoped} beans; the {@link DeliveryService} finds them by {@link #provider()},
 * makes sure each reply is handed over at most once, retries with backoff and publishes the receipt.
 *
 * <p>The provider's later word on the message (delivered, failed) arrives as a status callback: an
 * {@link io.omnichannel.gateway.adapters.inbound.InboundAdapter} normalizes it to a
 * {@link io.omnichannel.gateway.adapters.inbound.StatusReport} naming the provider's id returned here.
 */
public interface OutboundChannel {

    /** The provider replies name in {@code OutboundMessage.provider}, e.g. {@code twilio}. */
    String provider();

    /**
     * Every provider this channel delivers for: by default {@link #provider()} alone; email answers
     * mail by SMTP however it came in (IMAP, raw MIME, SendGrid, Mailgun).
     */
    default java.util.Set<String> providers() {
        return java.util.Set.of(provider());
    }

    /**
     * One attempt.
     *
     * @return {@link DeliveryResult#accepted} with the provider's id(s), or {@link DeliveryResult#rejected}
     *         with a reason an agent can act on when the provider refuses it for good (a 4xx)
     * @throws TransientDeliveryException when another attempt may succeed (timeout, 5xx, 429)
     */
    DeliveryResult deliver(Inbox inbox, OutboundMessage message);
}
