package io.omnichannel.gateway.contract;

import java.time.Instant;
import java.util.Objects;

/**
 * What happened to an outbound message, published to {@link Topics#DELIVERY} keyed by the
 * conversation key.
 *
 * @param messageId  the {@link OutboundMessage#id()} it reports on
 * @param externalId the provider's id of the sent message, once it has one
 * @param reason     why it failed, in words an agent can act on (e.g. "outside the 24-hour window: a template is required")
 */
public record DeliveryReceipt(
        String messageId,
        String conversationKey,
        Channel channel,
        String provider,
        String externalId,
        DeliveryStatus status,
        String reason,
        Instant occurredAt) {

    public DeliveryReceipt {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(conversationKey, "conversationKey");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
