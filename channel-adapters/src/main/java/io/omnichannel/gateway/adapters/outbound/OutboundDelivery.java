package io.omnichannel.gateway.adapters.outbound;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One reply's way to the provider, keyed by the reply's id: written before the first attempt so
 * that a redelivered reply is never handed to the provider twice.
 */
@Entity
@Table(name = "outbound_delivery")
public class OutboundDelivery {

    public enum State {
        /** An attempt is (or was, when the service stopped) under way. */
        SENDING,
        SENT,
        DELIVERED,
        READ,
        FAILED
    }

    @Id
    @Column(name = "message_id")
    public String messageId;

    @Column(name = "conversation_key")
    public String conversationKey;

    public String channel;

    public String provider;

    public String inbox;

    @Enumerated(EnumType.STRING)
    public State state;

    public int attempts;

    @Column(name = "external_id")
    public String externalId;

    public String reason;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
