package io.omnichannel.gateway.adapters.outbound;

import java.util.List;

/**
 * How the provider took one reply: accepted under its own id(s) (a long SMS may become several
 * provider messages), or refused for good with a reason.
 */
public record DeliveryResult(List<String> externalIds, String reason) {

    public DeliveryResult {
        externalIds = List.copyOf(externalIds);
    }

    public static DeliveryResult accepted(List<String> externalIds) {
        return new DeliveryResult(externalIds, null);
    }

    public static DeliveryResult accepted(String externalId) {
        return new DeliveryResult(List.of(externalId), null);
    }

    public static DeliveryResult rejected(String reason) {
        return new DeliveryResult(List.of(), reason);
    }

    public boolean isAccepted() {
        return reason == null;
    }

    /** The id receipts carry: the provider's first message. */
    public String externalId() {
        return externalIds.isEmpty() ? null : externalIds.get(0);
    }
}
