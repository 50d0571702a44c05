package io.omnichannel.gateway.contract;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An agent's reply to deliver through a channel, published to {@link Topics#OUTBOUND} keyed by
 * {@link #conversationKey()}. Adapters deliver each {@code id} at most once to the provider and
 * report the outcome as a {@link DeliveryReceipt}.
 *
 * @param id             gateway-assigned id of the reply; the adapters' idempotency key
 * @param conversationId the conversation service's id of the conversation
 * @param channel        the channel to deliver on (a phone conversation is answered by SMS)
 * @param provider       the provider to deliver through (e.g. {@code twilio}, {@code whatsapp})
 * @param inbox          the inbox to send from (our number, page, address)
 * @param to             the customer's handle on that channel
 * @param inReplyTo      the provider id of the customer message answered, when the channel threads replies
 * @param metadata       channel details (e.g. email {@code References}), never needed for plain text
 */
public record OutboundMessage(
        String id,
        String conversationId,
        Channel channel,
        String provider,
        String inbox,
        String to,
        String agentId,
        String subject,
        String text,
        String html,
        List<Attachment> attachments,
        String inReplyTo,
        Instant createdAt,
        Map<String, String> metadata) {

    public OutboundMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(inbox, "inbox");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(createdAt, "createdAt");
        text = text == null ? "" : text;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    @JsonIgnore
    public String conversationKey() {
        return ConversationKey.of(channel, inbox, to);
    }
}
