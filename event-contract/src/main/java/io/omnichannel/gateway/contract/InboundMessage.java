package io.omnichannel.gateway.contract;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A customer's message, normalized from whatever the channel's provider sent. Published to
 * {@link Topics#INBOUND} keyed by {@link #conversationKey()}.
 *
 * @param id          gateway-assigned and unique; the same provider message always gets the same id
 * @param externalId  the provider's own message id, used to drop provider retries
 * @param threadRef   the provider's thread, when it has one (e.g. the email References root)
 * @param text        plain text, always present, possibly empty
 * @param metadata    provider details worth keeping that the contract has no field for
 */
public record InboundMessage(
        String id,
        Channel channel,
        String provider,
        String inbox,
        String externalId,
        String threadRef,
        CustomerRef customer,
        Instant sentAt,
        Instant receivedAt,
        String subject,
        String text,
        String html,
        List<Attachment> attachments,
        String language,
        Map<String, String> metadata) {

    public InboundMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(inbox, "inbox");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(receivedAt, "receivedAt");
        text = text == null ? "" : text;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** {@code channel:inbox:customer-handle}: the Kafka key, and what ties a customer's messages into one conversation. */
    @JsonIgnore
    public String conversationKey() {
        return ConversationKey.of(channel, inbox, customer.handle());
    }
}
