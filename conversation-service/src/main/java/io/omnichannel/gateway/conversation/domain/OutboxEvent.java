package io.omnichannel.gateway.conversation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An event to publish, written in the same transaction as the change it reports (a reply, a presence
 * change), so that a crash never separates them. The relay publishes it and marks it published once
 * the broker acknowledged it.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "event_id", nullable = false)
    private String eventId;

    @Column(nullable = false)
    private String topic;

    @Column(name = "record_key", nullable = false)
    private String recordKey;

    @Column(name = "event_type", nullable = false)
    private String eventType;

    @Column(nullable = false)
    private byte[] payload;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    protected OutboxEvent() {
    }

    public static OutboxEvent of(String eventId, String topic, String recordKey, String eventType, byte[] payload,
            Instant now) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = eventId;
        event.topic = topic;
        event.recordKey = recordKey;
        event.eventType = eventType;
        event.payload = payload;
        event.createdAt = now;
        return event;
    }

    public Long id() {
        return id;
    }

    public String eventId() {
        return eventId;
    }

    public String topic() {
        return topic;
    }

    public String recordKey() {
        return recordKey;
    }

    public String eventType() {
        return eventType;
    }

    public byte[] payload() {
        return payload;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public void published(Instant at) {
        publishedAt = at;
    }
}
