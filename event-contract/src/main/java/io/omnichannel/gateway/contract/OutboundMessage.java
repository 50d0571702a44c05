package io.omnichannel.gateway.contract;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An agent's reply to deliver through a channel, published to {@link Topics#OUTBOUND} keyed by
 * {@link #conversationKey()}, the conversation it answers. That is usually the key of the same
 * channel, inbox and customer, but not always: a phone conversation is answered by SMS. Adapters
 * deliver each {@code id} at most once to the provider and report the outcome as a
 * {@link DeliveryReceipt}.
 *
 * @param id             gateway-assigned id of the reply; the adapters' idempotency key
 * @param conversationId the conversation service's id of the conversation
 * @param channel        the channel to deliver on (a phone conversation is answered by SMS)
 * @param provider       the provider to deliver through (e.g. {@code twilio}, {@code whatsapp})
 * @param inbox          the inbox to send from (our number, page, address)
 * @param to             the customer's handle on that channel
 * @param inReplyTo      the provider id of the customer message answered, when the channel threads replies
 * @param metadata       channel details (e.g. email {@code References}), never needed for plain text
 * @param conversationKey the key of the conversation answered; the routing service stops its
 *                        response clock by it
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
        Map<String, String> metadata,
        String conversationKey) {

    /** A reply on the conversation's own channel, inbox and customer handle. */
    public OutboundMessage(String id, String conversationId, Channel channel, String provider, String inbox, String to,
            String agentId, String subject, String text, String html, List<Attachment> attachments, String inReplyTo,
            Instant createdAt, Map<String, String> metadata) {
        this(id, conversationId, channel, provider, inbox, to, agentId, subject, text, html, attachments, inReplyTo,
                createdAt, metadata, null);
    }

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
        conversationKey = conversationKey == null ? ConversationKey.of(channel, inbox, to) : conversationKey;
    }
}
