package io.omnichannel.gateway.conversation.service;

import io.omnichannel.gateway.contract.DeliveryReceipt;
import io.omnichannel.gateway.conversation.domain.Conversation;
import io.omnichannel.gateway.conversation.domain.DeliveryState;
import io.omnichannel.gateway.conversation.domain.Message;
import io.omnichannel.gateway.conversation.repository.ConversationRepository;
import io.omnichannel.gateway.conversation.repository.MessageRepository;
import io.omnichannel.gateway.conversation.repository.ProcessedEventRepository;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Records what the channel adapters report about replies: sent, delivered, read, failed with a reason. */
@ApplicationScoped
public class DeliveryReceiptService {

    private final ProcessedEventRepository processedEvents;
    private final MessageRepository messages;
    private final ConversationRepository conversations;
    private final LiveEvents liveEvents;
    private final Clock clock;

    DeliveryReceiptService(ProcessedEventRepository processedEvents, MessageRepository messages,
            ConversationRepository conversations, LiveEvents liveEvents, Clock clock) {
        this.processedEvents = processedEvents;
        this.messages = messages;
        this.conversations = conversations;
        this.liveEvents = liveEvents;
        this.clock = clock;
    }

    /** Applies {@code receipt}, delivered as event {@code eventId}, once; receipts of unknown replies are ignored. */
    @Transactional
    public EventOutcome apply(String eventId, DeliveryReceipt receipt) {
        Instant now = clock.instant();
        if (!processedEvents.markProcessed(eventId, now)) {
            return EventOutcome.DUPLICATE;
        }
        Optional<Message> found = messages.findForUpdate(receipt.messageId());
        if (found.isEmpty()) {
            Log.debugf("delivery receipt %s names no reply of ours (%s)", eventId, receipt.messageId());
            return EventOutcome.APPLIED;
        }
        Message reply = found.get();
        DeliveryState state = DeliveryState.fromWireName(receipt.status().wireName());
        if (!reply.delivery(state, receipt.externalId(), receipt.reason(), receipt.occurredAt())) {
            Log.debugf("reply %s: receipt %s does not move it on from %s", reply.id(), state.wireName(),
                    reply.deliveryStatus().wireName());
            return EventOutcome.APPLIED;
        }
        Conversation conversation = conversations.findById(reply.conversationId());
        LiveEvent event = LiveEvent.about(LiveEventType.DELIVERY, conversation, receipt.occurredAt())
                .withDelivery(reply.id(), state.wireName(), receipt.reason());
        liveEvents.publish(reply.agentId(), event, now);
        if (!Objects.equals(reply.agentId(), conversation.assigneeAgentId())) {
            liveEvents.publish(conversation.assigneeAgentId(), event, now);
        }
        Log.infof("reply %s in conversation %s: %s%s", reply.id(), conversation.id(), state.wireName(),
                receipt.reason() == null ? "" : " (" + receipt.reason() + ")");
        return EventOutcome.APPLIED;
    }
}
