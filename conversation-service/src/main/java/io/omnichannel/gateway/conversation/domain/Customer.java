package io.omnichannel.gateway.conversation.domain;

import io.omnichannel.gateway.contract.Channel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Someone who wrote to us, known by their handle on one channel (phone number, email address, user id). */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    private UUID id;

    @Column(nullable = false)
    private Channel channel;

    @Column(nullable = false)
    private String handle;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "first_contact_at", nullable = false)
    private Instant firstContactAt;

    protected Customer() {
    }

    public UUID id() {
        return id;
    }

    public Channel channel() {
        return channel;
    }

    public String handle() {
        return handle;
    }

    public String displayName() {
        return displayName;
    }

    public Instant firstContactAt() {
        return firstContactAt;
    }

    /** Keeps the newest name the provider reported; a message without one leaves it as it was. */
    public void seenAs(String reportedName) {
        if (reportedName != null && !reportedName.isBlank()) {
            displayName = reportedName;
        }
    }
}
