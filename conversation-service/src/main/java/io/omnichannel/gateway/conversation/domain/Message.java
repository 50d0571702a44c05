package io.omnichannel.gateway.conversation.domain;

import io.omnichannel.gateway.contract.Attachment;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.contract.OutboundMessage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One message in a conversation: a customer's (inbound) or an agent's reply (outbound). Its id is the
 * gateway's message id, so a redelivery is recognized; a reply's id is what the channel adapters
 * de-duplicate by and what delivery receipts name.
 */
@Entity
@Table(name = "message")
public class Message {

    @Id
    private String id;

    @Column(name = "conversation_id", nullable = false)
    private UUID conversationId;

    /** Orders timeline entries with the same time; assigned by the database. */
    @Column(insertable = false, updatable = false)
    private Long seq;

    @Column(nullable = false)
    private MessageDirection direction;

    @Column(nullable = false)
    private Channel channel;

    @Column(nullable = false)
    private String inbox;

    @Column(nullable = false)
    private String provider;

    /** The provider's id: of the customer's message, or of a reply once a receipt reported it. */
    @Column(name = "external_id")
    private String externalId;

    /** A reply's recipient: the customer's handle on {@link #channel}. */
    private String recipient;

    @Column(name = "agent_id")
    private String agentId;

    @Column(name = "delivery_status")
    private DeliveryState deliveryStatus;

    @Column(name = "delivery_reason")
    private String deliveryReason;

    @Column(name = "delivery_updated_at")
    private Instant deliveryUpdatedAt;

    @Column(name = "idempotency_key")
    private String idempotencyKey;

    @Column(name = "thread_ref")
    private String threadRef;

    private String subject;

    @Column(nullable = false)
    private String text;

    private String html;

    private String language;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<Attachment> attachments;

    protected Message() {
    }

    /** The customer's {@code message}, as received, in conversation {@code conversationId}. */
    public static Message inbound(InboundMessage message, UUID conversationId) {
        Message stored = new Message();
        stored.id = message.id();
        stored.conversationId = conversationId;
        stored.direction = MessageDirection.INBOUND;
        stored.channel = message.channel();
        stored.inbox = message.inbox();
        stored.provider = message.provider();
        stored.externalId = message.externalId();
        stored.threadRef = message.threadRef();
        stored.subject = message.subject();
        stored.text = message.text();
        stored.html = message.html();
        stored.language = message.language();
        stored.sentAt = message.sentAt();
        stored.receivedAt = message.receivedAt();
        stored.attachments = message.attachments();
        return stored;
    }

    /** An agent's reply, queued for delivery; {@code reply} is what goes to the channel adapters. */
    public static Message reply(OutboundMessage reply, UUID conversationId, String idempotencyKey) {
        Message stored = new Message();
        stored.id = reply.id();
        stored.conversationId = conversationId;
        stored.direction = MessageDirection.OUTBOUND;
        stored.channel = reply.channel();
        stored.inbox = reply.inbox();
        stored.provider = reply.provider();
        stored.recipient = reply.to();
        stored.agentId = reply.agentId();
        stored.subject = reply.subject();
        stored.text = reply.text();
        stored.html = reply.html();
        stored.sentAt = null;
        stored.receivedAt = reply.createdAt();
        stored.attachments = reply.attachments();
        stored.deliveryStatus = DeliveryState.QUEUED;
        stored.deliveryUpdatedAt = reply.createdAt();
        stored.idempotencyKey = idempotencyKey;
        return stored;
    }

    /**
     * A delivery receipt reports {@code state}; receipts may come out of order, and only one that
     * moves the reply forward changes it.
     *
     * @return whether the delivery status changed
     */
    public boolean delivery(DeliveryState state, String externalMessageId, String reason, Instant at) {
        if (externalMessageId != null && externalId == null) {
            externalId = externalMessageId;
        }
        if (deliveryStatus == null || !deliveryStatus.canAdvanceTo(state)) {
            return false;
        }
        deliveryStatus = state;
        deliveryReason = reason;
        deliveryUpdatedAt = at;
        if (state == DeliveryState.SENT && sentAt == null) {
            sentAt = at;
        }
        return true;
    }

    public String id() {
        return id;
    }

    public UUID conversationId() {
        return conversationId;
    }

    public MessageDirection direction() {
        return direction;
    }

    public Long seq() {
        return seq;
    }

    public Channel channel() {
        return channel;
    }

    public String inbox() {
        return inbox;
    }

    public String recipient() {
        return recipient;
    }

    public String agentId() {
        return agentId;
    }

    public DeliveryState deliveryStatus() {
        return deliveryStatus;
    }

    public String deliveryReason() {
        return deliveryReason;
    }

    public Instant deliveryUpdatedAt() {
        return deliveryUpdatedAt;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String provider() {
        return provider;
    }

    public String externalId() {
        return externalId;
    }

    public String threadRef() {
        return threadRef;
    }

    public String subject() {
        return subject;
    }

    public String text() {
        return text;
    }

    public String html() {
        return html;
    }

    public String language() {
        return language;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public List<Attachment> attachments() {
        return attachments;
    }
}
