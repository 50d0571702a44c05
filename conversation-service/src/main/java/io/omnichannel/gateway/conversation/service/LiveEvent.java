package io.omnichannel.gateway.conversation.service;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.conversation.domain.Conversation;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The data of an event on an agent's live stream (JSON; absent fields are omitted). The SSE
 * {@code event:} field is its type and {@code id:} its number in the agent's stream.
 */
@Schema(name = "LiveEvent", description = "Data of an event on GET /api/v1/me/events. The SSE 'event' field is the type "
        + "(offer, offer-withdrawn, assignment, transfer, unassigned, message, delivery, sla-warning, sla-breached, snooze-ended), the 'id' field "
        + "the event's number in the agent's stream (send it back as Last-Event-ID to resume).")
public record LiveEvent(
        @Schema(description = "offer, offer-withdrawn, assignment, transfer, unassigned, message, delivery, sla-warning, sla-breached, snooze-ended") String type,
        UUID conversationId,
        String conversationKey,
        Channel channel,
        @Schema(description = "The customer's handle on the conversation's channel") String customerHandle,
        @Schema(description = "message: the customer's message; delivery: the reply") String messageId,
        @Schema(description = "message: the first 200 characters of the text") String preview,
        @Schema(description = "delivery: queued, sent, delivered, read or failed") String deliveryStatus,
        @Schema(description = "delivery: why it failed; transfer: who it came from; offer-withdrawn: why") String reason,
        @Schema(description = "The conversation's assignee after the event") String assigneeAgentId,
        Instant dueAt,
        Instant occurredAt) {

    static LiveEvent of(LiveEventType type, UUID conversationId, String key, Channel channel, String customerHandle,
            String assignee, Instant dueAt, Instant at) {
        return new LiveEvent(type.wireName(), conversationId, key, channel, customerHandle, null, null, null, null, assignee,
                dueAt, at);
    }

    static LiveEvent about(LiveEventType type, Conversation c, Instant at) {
        return new LiveEvent(type.wireName(), c.id(), c.conversationKey(), c.channel(), c.customerHandle(), null, null,
                null, null, c.assigneeAgentId(), c.dueAt(), at);
    }

    LiveEvent withMessage(String id, String text) {
        String preview = text == null ? null : text.length() > 200 ? text.substring(0, 200) : text;
        return new LiveEvent(type, conversationId, conversationKey, channel, customerHandle, id, preview, deliveryStatus,
                reason, assigneeAgentId, dueAt, occurredAt);
    }

    LiveEvent withDelivery(String id, String status, String why) {
        return new LiveEvent(type, conversationId, conversationKey, channel, customerHandle, id, preview, status, why,
                assigneeAgentId, dueAt, occurredAt);
    }

    LiveEvent withReason(String why) {
        return new LiveEvent(type, conversationId, conversationKey, channel, customerHandle, messageId, preview,
                deliveryStatus, why, assigneeAgentId, dueAt, occurredAt);
    }
}
