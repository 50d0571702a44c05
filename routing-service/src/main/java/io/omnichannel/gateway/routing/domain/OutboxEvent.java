package io.omnichannel.gateway.routing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * An event to publish, written in the same transaction as the change it reports, so that a decision
 * and its event are never separated by a crash. The relay publishes it, then deletes it.
 *
 * <p>Rows are written set-based by {@code OutboxRepository.insert} and read by the relay through this
 * mapping. The table's {@code id} column (a sequence the database fills at insert) is not mapped: it
 * gives the relay the order the rows were written in. Rows never change once written (immutable:
 * flushes do not check them).
 */
@Entity
@Immutable
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    @Column(name = "event_id")
    public String eventId;

    public String topic;

    @Column(name = "record_key")
    public String recordKey;

    @Column(name = "event_type")
    public String eventType;

    public byte[] payload;

    @Column(name = "created_at")
    public Instant createdAt;
}
