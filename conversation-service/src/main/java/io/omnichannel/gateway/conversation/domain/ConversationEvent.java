package io.omnichannel.gateway.conversation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A timeline entry that is not a message: an agent's internal note, or a system event (assigned,
 * transferred, escalated, SLA warning or breach, snoozed, resolved, reopened, ...).
 */
@Entity
@Table(name = "conversation_event")
public class ConversationEvent {

    /** Actors that are not agents. */
    public static final String ROUTING = "routing";
    public static final String CUSTOMER = "customer";
    public static final String SYSTEM = "system";

    @Id
    private UUID id;

    @Column(name = "conversation_id", nullable = false)
    private UUID conversationId;

    @Column(insertable = false, updatable = false)
    private Long seq;

    @Column(nullable = false)
    private TimelineKind kind;

    @Column(nullable = false)
    private String actor;

    private String text;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, Object> data;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected ConversationEvent() {
    }

    public static ConversationEvent of(UUID conversationId, TimelineKind kind, String actor, String text,
            Map<String, Object> data, Instant at) {
        ConversationEvent event = new ConversationEvent();
        event.id = UUID.randomUUID();
        event.conversationId = conversationId;
        event.kind = kind;
        event.actor = actor;
        event.text = text;
        event.data = data == null ? Map.of() : data;
        event.occurredAt = at;
        return event;
    }

    public UUID id() {
        return id;
    }

    public UUID conversationId() {
        return conversationId;
    }

    public Long seq() {
        return seq;
    }

    public TimelineKind kind() {
        return kind;
    }

    public String actor() {
        return actor;
    }

    public String text() {
        return text;
    }

    public Map<String, Object> data() {
        return data;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
