package io.omnichannel.gateway.conversation.domain;

import io.omnichannel.gateway.contract.Attachment;
import io.omnichannel.gateway.contract.InboundMessage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One message in a conversation. Its id is the gateway's message id, so a redelivery is recognized. */
@Entity
@Table(name = "message")
public class Message {

    @Id
    private String id;

    @Column(name = "conversation_id", nullable = false)
    private UUID conversationId;

    @Column(nullable = false)
    private MessageDirection direction;

    @Column(nullable = false)
    private String provider;

    @Column(name = "external_id", nullable = false)
    private String externalId;

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

    public String id() {
        return id;
    }

    public UUID conversationId() {
        return conversationId;
    }

    public MessageDirection direction() {
        return direction;
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
