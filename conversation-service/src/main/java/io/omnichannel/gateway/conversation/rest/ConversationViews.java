package io.omnichannel.gateway.conversation.rest;

import io.omnichannel.gateway.contract.Attachment;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.conversation.domain.Conversation;
import io.omnichannel.gateway.conversation.domain.ConversationStatus;
import io.omnichannel.gateway.conversation.domain.Customer;
import io.omnichannel.gateway.conversation.domain.Message;
import io.omnichannel.gateway.conversation.domain.MessageDirection;
import io.omnichannel.gateway.conversation.domain.PageCursor;
import io.omnichannel.gateway.conversation.service.ConversationPage;
import io.omnichannel.gateway.conversation.service.ConversationThread;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON the conversation API answers with. */
final class ConversationViews {

    private ConversationViews() {
    }

    @Schema(name = "ConversationList")
    record ConversationList(
            List<ConversationSummary> items,
            @Schema(description = "Pass as 'cursor' to get the next page; absent on the last page") String nextCursor) {

        static ConversationList of(ConversationPage page) {
            return new ConversationList(page.items().stream().map(ConversationSummary::of).toList(),
                    page.next().map(PageCursor::token).orElse(null));
        }
    }

    @Schema(name = "ConversationSummary")
    record ConversationSummary(UUID id, String conversationKey, Channel channel, String inbox,
            ConversationStatus status, CustomerView customer, String assigneeAgentId, Instant dueAt,
            Instant createdAt, Instant updatedAt, Instant lastMessageAt) {

        static ConversationSummary of(Conversation c) {
            return new ConversationSummary(c.id(), c.conversationKey(), c.channel(), c.inbox(), c.status(),
                    CustomerView.of(c.customer()), c.assigneeAgentId(), c.dueAt(), c.createdAt(), c.updatedAt(),
                    c.lastMessageAt());
        }
    }

    @Schema(name = "Conversation")
    record ConversationDetail(UUID id, String conversationKey, Channel channel, String inbox,
            ConversationStatus status, CustomerView customer, String assigneeAgentId,
            @Schema(description = "When the channel's response-time target is reached") Instant dueAt,
            Instant createdAt, Instant updatedAt, Instant lastMessageAt,
            @Schema(description = "In the order they reached the gateway") List<MessageView> messages) {

        static ConversationDetail of(ConversationThread thread) {
            Conversation c = thread.conversation();
            return new ConversationDetail(c.id(), c.conversationKey(), c.channel(), c.inbox(), c.status(),
                    CustomerView.of(c.customer()), c.assigneeAgentId(), c.dueAt(), c.createdAt(), c.updatedAt(),
                    c.lastMessageAt(), thread.messages().stream().map(MessageView::of).toList());
        }
    }

    @Schema(name = "Customer")
    record CustomerView(UUID id, String handle, String displayName) {

        static CustomerView of(Customer customer) {
            return new CustomerView(customer.id(), customer.handle(), customer.displayName());
        }
    }

    @Schema(name = "Message")
    record MessageView(String id, MessageDirection direction, String provider, String externalId, String subject,
            String text, String html, Instant sentAt, Instant receivedAt, List<Attachment> attachments) {

        static MessageView of(Message m) {
            return new MessageView(m.id(), m.direction(), m.provider(), m.externalId(), m.subject(), m.text(),
                    m.html(), m.sentAt(), m.receivedAt(), m.attachments());
        }
    }
}
