package io.omnichannel.gateway.adapters.outbound;

import io.omnichannel.gateway.adapters.config.AdaptersConfig;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.inbox.InboxRegistry;
import io.omnichannel.gateway.adapters.outbound.OutboundDelivery.State;
import io.omnichannel.gateway.adapters.publish.ReceiptPublisher;
import io.omnichannel.gateway.contract.DeliveryReceipt;
import io.omnichannel.gateway.contract.DeliveryStatus;
import io.omnichannel.gateway.contract.OutboundMessage;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Delivers one reply: at most once to the provider (recorded by id before the first attempt),
 * transient failures retried with backoff, and always ends with a receipt on
 * {@code gateway.delivery.v1}: {@code sent}, or {@code failed} with the reason (also when the channel
 * fails in an unexpected way).
 */
@ApplicationScoped
public class DeliveryService {

    private final Deliveries deliveries;
    private final InboxRegistry inboxes;
    private final ReceiptPublisher receipts;
    private final Map<String, OutboundChannel> channels = new HashMap<>();
    private final Backoff backoff;
    /** Longer than any attempt sequence takes: a reply still SENDING after this was interrupted. */
    private final Duration attemptsTake;

    DeliveryService(Deliveries deliveries, InboxRegistry inboxes, ReceiptPublisher receipts,
            Instance<OutboundChannel> channels, AdaptersConfig config) {
        this.deliveries = deliveries;
        this.inboxes = inboxes;
        this.receipts = receipts;
        this.backoff = Backoff.of(config.outbound());
        this.attemptsTake = config.outbound().maxBackoff().plus(config.outbound().requestTimeout())
                .multipliedBy(backoff.maxAttempts());
        channels.forEach(channel -> channel.providers().forEach(provider -> {
            OutboundChannel clash = this.channels.put(provider, channel);
            if (clash != null) {
                throw new IllegalStateException("two outbound channels for provider " + provider);
            }
        }));
    }

    public void deliver(OutboundMessage message) {
        Optional<OutboundDelivery> earlier = deliveries.claim(message);
        if (earlier.isPresent()) {
            repeat(message, earlier.get());
            return;
        }
        OutboundChannel channel = channels.get(message.provider());
        Optional<Inbox> inbox = inboxes.forReply(message.provider(), message.inbox());
        if (channel == null) {
            fail(message, "no outbound channel for provider '" + message.provider() + "' in this deployment");
        } else if (inbox.isEmpty()) {
            fail(message, "there is no " + message.provider() + " inbox '" + message.inbox() + "' to send from");
        } else {
            attempt(message, channel, inbox.get());
        }
    }

    private void attempt(OutboundMessage message, OutboundChannel channel, Inbox inbox) {
        for (int attempt = 1; ; attempt++) {
            deliveries.attempt(message.id());
            try {
                DeliveryResult result = channel.deliver(inbox, message);
                if (result.isAccepted()) {
                    finish(message, State.SENT, result.externalIds(), null);
                } else {
                    fail(message, result.reason());
                }
                return;
            } catch (TransientDeliveryException e) {
                if (attempt >= backoff.maxAttempts()) {
                    fail(message, "gave up after " + attempt + " attempts: " + e.getMessage());
                    return;
                }
                Duration wait = backoff.after(attempt);
                Log.warnf("reply %s: attempt %d of %d failed, next in %d ms: %s", message.id(), attempt,
                        backoff.maxAttempts(), wait.toMillis(), e.getMessage());
                pause(wait);
            } catch (RuntimeException e) {
                // a defect or a misconfiguration (an invalid webhook-url, ...): retrying cannot help, and
                // the reply must still end with a receipt, not as an unexplained event on the dead-letter topic
                Log.errorf(e, "reply %s: %s could not deliver it", message.id(), channel.provider());
                fail(message, "the reply could not be sent: " + describe(e));
                return;
            }
        }
    }

    private static String describe(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * A reply seen before: its receipt may not have been published; an interrupted attempt is not
     * repeated. One that may still be under way (another instance had it before a rebalance) is
     * waited for until it ends or could no longer be running.
     */
    private void repeat(OutboundMessage message, OutboundDelivery seen) {
        OutboundDelivery earlier = seen;
        while (earlier.state == State.SENDING && earlier.updatedAt.plus(attemptsTake).isAfter(Instant.now())) {
            Log.infof("reply %s is being delivered by another consumer (or was, before a restart); waiting", message.id());
            pause(Duration.ofSeconds(1));
            earlier = deliveries.find(message.id());
        }
        if (earlier.state == State.SENDING) {
            Log.warnf("reply %s was being delivered when the service stopped; not sending it again", message.id());
            fail(message, earlier.attempts == 0 ? "the delivery was interrupted before reaching the provider; send the reply again"
                    : "the delivery was interrupted; the provider may or may not have sent it: check before sending again");
            return;
        }
        Log.infof("reply %s already delivered (%s); publishing its receipt again", message.id(), earlier.state);
        DeliveryStatus status = earlier.state == State.FAILED ? DeliveryStatus.FAILED : DeliveryStatus.SENT;
        receipts.publish(receipt(message, status, earlier.externalId, earlier.reason));
    }

    private void fail(OutboundMessage message, String reason) {
        finish(message, State.FAILED, List.of(), reason);
    }

    private void finish(OutboundMessage message, State state, List<String> externalIds, String reason) {
        deliveries.finish(message.id(), state, externalIds, reason);
        DeliveryStatus status = state == State.FAILED ? DeliveryStatus.FAILED : DeliveryStatus.SENT;
        receipts.publish(receipt(message, status, externalIds.isEmpty() ? null : externalIds.get(0), reason));
    }

    private static DeliveryReceipt receipt(OutboundMessage message, DeliveryStatus status, String externalId, String reason) {
        return new DeliveryReceipt(message.id(), message.conversationKey(), message.channel(), message.provider(),
                externalId, status, reason, Instant.now());
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientDeliveryException("interrupted while waiting to retry", e);
        }
    }
}
