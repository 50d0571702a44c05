package io.omnichannel.gateway.conversation.rest;

import io.omnichannel.gateway.contract.Attachment;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.conversation.domain.Conversation;
import io.omnichannel.gateway.conversation.domain.ConversationEvent;
import io.omnichannel.gateway.conversation.domain.ConversationStatus;
import io.omnichannel.gateway.conversation.domain.DeliveryState;
import io.omnichannel.gateway.conversation.domain.Message;
import io.omnichannel.gateway.conversation.domain.MessageDirection;
import io.omnichannel.gateway.conversation.domain.PageCursor;
import io.omnichannel.gateway.conversation.domain.Priority;
import io.omnichannel.gateway.conversation.domain.SlaState;
import io.omnichannel.gateway.conversation.domain.TimelineCursor;
import io.omnichannel.gateway.conversation.service.ConversationPage;
import io.omnichannel.gateway.conversation.service.ConversationThread;
import io.omnichannel.gateway.conversation.service.TimelinePage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON the conversation API answers with. */
final class ConversationViews {

    private ConversationViews() {
    }

    @Schema(name = "ConversationList", description = "One page of conversations")
    record ConversationList(
            List<ConversationSummary> items,
            @Schema(description = "Pass as 'cursor' to get the next page; absent on the last page") String nextCursor) {

        static ConversationList of(ConversationPage page) {
            return new ConversationList(page.items().stream().map(ConversationSummary::of).toList(),
                    page.next().map(PageCursor::token).orElse(null));
        }
    }

    @Schema(name = "ConversationSummary", description = "A conversation without its messages")
    record ConversationSummary(
            UUID id,
            @Schema(description = "channel:inbox:customer-handle") String conversationKey,
            Channel channel,
            @Schema(description = "The inbox (our number, address, page) the customer wrote to") String inbox,
            @Schema(description = "The provider of the customer's last message (twilio, whatsapp, imap, ...)") String provider,
            ConversationStatus status,
            Priority priority,
            CustomerRef customer,
            String assigneeAgentId,
            @Schema(description = "The agent routing offered it to, while the offer stands (accept or reject it)")
            String offeredAgentId,
            String teamId,
            List<String> tags,
            @Schema(description = "When the channel's response-time target is reached") Instant dueAt,
            @Schema(description = "How the response-time target stands; absent while no target runs") SlaState slaState,
            @Schema(description = "Set while snoozed") Instant snoozedUntil,
            Instant firstResponseAt,
            @Schema(description = "Seconds from the start to the first agent reply") Long firstResponseSeconds,
            Instant resolvedAt,
            @Schema(description = "Seconds from the start to the resolution") Long resolutionSeconds,
            Instant escalatedAt,
            @Schema(description = "1 (unhappy) to 5 (happy), when the customer gave one") Integer satisfactionScore,
            Instant createdAt,
            Instant updatedAt,
            Instant lastMessageAt) {

        static ConversationSummary of(Conversation c) {
            return new ConversationSummary(c.id(), c.conversationKey(), c.channel(), c.inbox(), c.provider(), c.status(),
                    c.priority(), CustomerRef.of(c), c.assigneeAgentId(), c.offeredAgentId(), c.teamId(), c.tags(), c.dueAt(), c.slaState(),
                    c.snoozedUntil(), c.firstResponseAt(), seconds(c.firstResponseTime()), c.resolvedAt(),
                    seconds(c.resolutionTime()), c.escalatedAt(), c.satisfactionScore(), c.createdAt(), c.updatedAt(),
                    c.lastMessageAt());
        }
    }

    @Schema(name = "Conversation", description = "A conversation with its latest messages")
    record ConversationDetail(
            UUID id,
            String conversationKey,
            Channel channel,
            String inbox,
            String provider,
            ConversationStatus status,
            Priority priority,
            CustomerRef customer,
            String assigneeAgentId,
            @Schema(description = "The agent routing offered it to, while the offer stands (accept or reject it)")
            String offeredAgentId,
            String teamId,
            List<String> tags,
            @Schema(description = "When the channel's response-time target is reached") Instant dueAt,
            SlaState slaState,
            Instant snoozedUntil,
            Instant firstResponseAt,
            Long firstResponseSeconds,
            Instant resolvedAt,
            Long resolutionSeconds,
            Instant escalatedAt,
            Integer satisfactionScore,
            Instant createdAt,
            Instant updatedAt,
            Instant lastMessageAt,
            @Schema(description = "The latest 200 messages, customers' and agents', in the order they reached the gateway; "
                    + "the timeline has all of them with notes and system events") List<MessageView> messages,
            @Schema(description = "When it has older messages: pass as 'before' to GET /api/v1/conversations/{id}/messages "
                    + "for the ones before these; absent when 'messages' is all of them") String olderMessagesCursor) {

        static ConversationDetail of(ConversationThread thread) {
            Conversation c = thread.conversation();
            return new ConversationDetail(c.id(), c.conversationKey(), c.channel(), c.inbox(), c.provider(), c.status(),
                    c.priority(), CustomerRef.of(c), c.assigneeAgentId(), c.offeredAgentId(), c.teamId(), c.tags(), c.dueAt(), c.slaState(),
                    c.snoozedUntil(), c.firstResponseAt(), seconds(c.firstResponseTime()), c.resolvedAt(),
                    seconds(c.resolutionTime()), c.escalatedAt(), c.satisfactionScore(), c.createdAt(), c.updatedAt(),
                    c.lastMessageAt(), thread.messages().stream().map(MessageView::of).toList(),
                    thread.older().map(TimelineCursor::token).orElse(null));
        }
    }

    @Schema(name = "MessageList", description = "Messages of a conversation in the order they reached the gateway")
    record MessageList(List<MessageView> items,
            @Schema(description = "Pass as 'before' for the messages before these; absent at the first message")
            String olderCursor) {

        static MessageList of(ConversationThread thread) {
            return new MessageList(thread.messages().stream().map(MessageView::of).toList(),
                    thread.older().map(TimelineCursor::token).orElse(null));
        }
    }

    @Schema(name = "ConversationCustomer", description = "The customer of a conversation, with their handle on its channel")
    record CustomerRef(UUID id, @Schema(description = "The customer's handle on this conversation's channel") String handle,
            String displayName) {

        static CustomerRef of(Conversation c) {
            return new CustomerRef(c.customer().id(), c.customerHandle(), c.customer().displayName());
        }
    }

    @Schema(name = "Message", description = "A customer's message (inbound) or an agent's reply (outbound)")
    record MessageView(
            String id,
            MessageDirection direction,
            @Schema(description = "The channel it went on; a reply may use another channel of the same customer") Channel channel,
            String inbox,
            String provider,
            @Schema(description = "The provider's id of the message") String externalId,
            @Schema(description = "outbound: the agent who wrote it") String agentId,
            @Schema(description = "outbound: the customer's handle it went to") String to,
            String subject,
            String text,
            String html,
            Instant sentAt,
            @Schema(description = "When it reached the gateway (inbound) or was written (outbound)") Instant receivedAt,
            List<Attachment> attachments,
            @Schema(description = "outbound: queued, sent, delivered, read or failed") DeliveryState deliveryStatus,
            @Schema(description = "outbound: why delivery failed") String deliveryReason,
            Instant deliveryUpdatedAt) {

        static MessageView of(Message m) {
            return new MessageView(m.id(), m.direction(), m.channel(), m.inbox(), m.provider(), m.externalId(), m.agentId(),
                    m.recipient(), m.subject(), m.text(), m.html(), m.sentAt(), m.receivedAt(), m.attachments(),
                    m.deliveryStatus(), m.deliveryReason(), m.deliveryUpdatedAt());
        }
    }

    @Schema(name = "TimelineEvent", description = "A note or a system event on a conversation's timeline")
    record EventView(
            UUID id,
            @Schema(description = "note, offered, offer-rejected, assigned, transfer-requested, transferred, unassigned, escalated, sla-warning, "
                    + "sla-breached, priority-changed, tagged, snoozed, woke-up, resolved, reopened") String kind,
            @Schema(description = "An agent id, or routing, customer, system") String actor,
            @Schema(description = "A note's text, an escalation's reason") String text,
            @Schema(type = SchemaType.OBJECT, description = "Details of the event (agentId, fromAgentId, teamId, until, dueAt, ...)")
            Map<String, Object> data,
            Instant occurredAt) {

        static EventView of(ConversationEvent e) {
            return new EventView(e.id(), e.kind().wireName(), e.actor(), e.text(), e.data(), e.occurredAt());
        }
    }

    @Schema(name = "TimelineEntry", description = "Exactly one of 'message' and 'event' is present, as 'type' says")
    record TimelineEntry(@Schema(description = "message or event") String type, MessageView message, EventView event,
            Instant at) {

        static TimelineEntry of(TimelinePage.Entry entry) {
            return entry.message() != null
                    ? new TimelineEntry("message", MessageView.of(entry.message()), null, entry.message().receivedAt())
                    : new TimelineEntry("event", null, EventView.of(entry.event()), entry.event().occurredAt());
        }
    }

    @Schema(name = "Timeline", description = "One page of a conversation's timeline, oldest first")
    record TimelineView(List<TimelineEntry> items,
            @Schema(description = "Pass as 'cursor' to get the next page; absent on the last page") String nextCursor) {

        static TimelineView of(TimelinePage page) {
            return new TimelineView(page.entries().stream().map(TimelineEntry::of).toList(),
                    page.next().map(TimelineCursor::token).orElse(null));
        }
    }

    @Schema(name = "ReplyAccepted", description = "The reply is stored and queued for delivery")
    record ReplyAccepted(
            @Schema(description = "The reply's id: delivery receipts and live 'delivery' events name it") String messageId,
            UUID conversationId, Channel channel, String to, DeliveryState deliveryStatus,
            @Schema(description = "True when an earlier request with the same Idempotency-Key stored it") boolean repeated) {
    }

    @Schema(name = "ActionAccepted", description = "The routing service accepted the command; its outcome arrives as "
            + "timeline events and live events")
    record ActionAccepted(UUID conversationId, String action) {
    }

    static Long seconds(Duration duration) {
        return duration == null ? null : duration.toSeconds();
    }
}
