package io.omnichannel.gateway.conversation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One address of a customer: a phone number (E.164), an email address, a WhatsApp, Messenger or
 * Instagram id, a chat visitor id. Each address belongs to one customer at a time.
 */
@Entity
@Table(name = "customer_identity")
public class CustomerIdentity {

    /** {@link #linkedBy()} of identities the gateway linked itself. */
    public static final String AUTO = "auto";

    @Id
    private UUID id;

    @Column(name = "customer_id", nullable = false)
    private UUID customerId;

    @Column(nullable = false)
    private IdentityKind kind;

    @Column(nullable = false)
    private String value;

    @Column(nullable = false)
    private boolean verified;

    @Column(name = "linked_by", nullable = false)
    private String linkedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CustomerIdentity() {
    }

    public static CustomerIdentity of(IdentityRef ref, UUID customerId, String linkedBy, Instant now) {
        CustomerIdentity identity = new CustomerIdentity();
        identity.id = UUID.randomUUID();
        identity.customerId = customerId;
        identity.kind = ref.kind();
        identity.value = ref.value();
        identity.verified = ref.verified();
        identity.linkedBy = linkedBy;
        identity.createdAt = now;
        return identity;
    }

    public UUID id() {
        return id;
    }

    public UUID customerId() {
        return customerId;
    }

    public IdentityKind kind() {
        return kind;
    }

    public String value() {
        return value;
    }

    public boolean verified() {
        return verified;
    }

    public String linkedBy() {
        return linkedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public IdentityRef ref() {
        return new IdentityRef(kind, value, verified);
    }

    /** The identity now belongs to {@code customer}; {@code by} is the agent who said so, or {@link #AUTO}. */
    public void linkTo(UUID customer, String by) {
        customerId = customer;
        linkedBy = by;
    }

    /** The channel proved the address belongs to whoever writes from it. */
    public void proven() {
        verified = true;
    }
}
