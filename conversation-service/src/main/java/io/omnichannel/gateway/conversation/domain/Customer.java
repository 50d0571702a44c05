package io.omnichannel.gateway.conversation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A person who writes to us, on one channel or several: their {@link CustomerIdentity identities}
 * (phone number, email address, platform ids) all point here.
 */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    private UUID id;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "first_contact_at", nullable = false)
    private Instant firstContactAt;

    /** Set when an agent merged this customer into another one; the other one is the customer now. */
    @Column(name = "merged_into")
    private UUID mergedInto;

    protected Customer() {
    }

    public static Customer firstContact(Instant at) {
        Customer customer = new Customer();
        customer.id = UUID.randomUUID();
        customer.firstContactAt = at;
        return customer;
    }

    public UUID id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Instant firstContactAt() {
        return firstContactAt;
    }

    public UUID mergedInto() {
        return mergedInto;
    }

    /** Keeps the newest name the provider reported; a message without one leaves it as it was. */
    public void seenAs(String reportedName) {
        if (reportedName != null && !reportedName.isBlank() && !reportedName.equals(displayName)) {
            displayName = reportedName;
        }
    }

    /** {@code other} is the same person: its history becomes ours, and it points here from now on. */
    public void absorb(Customer other) {
        if (other.firstContactAt.isBefore(firstContactAt)) {
            firstContactAt = other.firstContactAt;
        }
        if (displayName == null) {
            displayName = other.displayName;
        }
        other.mergedInto = id;
    }

    /** Moves the first contact back when an identity with an older history joins. */
    public void contactedAt(Instant at) {
        if (at.isBefore(firstContactAt)) {
            firstContactAt = at;
        }
    }
}
