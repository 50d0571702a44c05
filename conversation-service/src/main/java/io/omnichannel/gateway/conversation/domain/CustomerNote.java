package io.omnichannel.gateway.conversation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What an agent wants colleagues to know about a customer ("prefers email", "VIP since 2019"). */
@Entity
@Table(name = "customer_note")
public class CustomerNote {

    @Id
    private UUID id;

    @Column(name = "customer_id", nullable = false)
    private UUID customerId;

    @Column(nullable = false)
    private String author;

    @Column(nullable = false)
    private String text;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CustomerNote() {
    }

    public static CustomerNote by(String author, UUID customerId, String text, Instant now) {
        CustomerNote note = new CustomerNote();
        note.id = UUID.randomUUID();
        note.customerId = customerId;
        note.author = author;
        note.text = text;
        note.createdAt = now;
        return note;
    }

    public UUID id() {
        return id;
    }

    public UUID customerId() {
        return customerId;
    }

    public String author() {
        return author;
    }

    public String text() {
        return text;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public void movedTo(UUID customer) {
        customerId = customer;
    }
}
