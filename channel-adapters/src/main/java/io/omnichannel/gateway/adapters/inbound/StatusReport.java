package io.omnichannel.gateway.adapters.inbound;

import io.omnichannel.gateway.contract.DeliveryStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * A provider's word on a message we sent (a status callback), before it is tied to our reply.
 *
 * @param externalId     the provider's id of the sent message (Twilio MessageSid, wamid, ...)
 * @param providerStatus the provider's own status name, the de-duplication key together with the id
 * @param status         what it means in the contract; null for steps the contract does not report (queued, sending)
 * @param reason         why it failed, in words an agent can act on
 */
public record StatusReport(String provider, String externalId, String providerStatus, DeliveryStatus status,
        String reason, Instant occurredAt) {

    public StatusReport {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(providerStatus, "providerStatus");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
