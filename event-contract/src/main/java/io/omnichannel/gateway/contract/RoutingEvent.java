package io.omnichannel.gateway.contract;

import java.time.Instant;
import java.util.Objects;

/**
 * A routing decision about one waiting conversation, published to {@link Topics#ROUTING} keyed by
 * {@code conversationKey}.
 *
 * @param workItemId the routing service's id of the waiting work
 * @param messageId  the inbound message that put the conversation in the queue
 * @param agentId    the agent concerned ({@code assigned}, {@code released}); null otherwise
 * @param dueAt      when the channel's response-time target is reached
 */
public record RoutingEvent(
        RoutingEventType type,
        String conversationKey,
        String workItemId,
        String messageId,
        Channel channel,
        String inbox,
        String agentId,
        Instant dueAt,
        Instant occurredAt) {

    public RoutingEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(conversationKey, "conversationKey");
        Objects.requireNonNull(workItemId, "workItemId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
