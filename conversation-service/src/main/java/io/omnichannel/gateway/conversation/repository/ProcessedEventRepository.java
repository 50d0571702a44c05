package io.omnichannel.gateway.conversation.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/** The ids of consumed events whose effects are committed: what makes the consumers idempotent. */
@ApplicationScoped
public class ProcessedEventRepository {

    private final EntityManager entityManager;

    ProcessedEventRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records {@code eventId} in the current transaction.
     *
     * @return false when the event was processed before (a redelivery); a concurrent delivery of the
     *         same event waits for the other transaction and then gets false too
     */
    public boolean markProcessed(String eventId, Instant now) {
        return entityManager.createNativeQuery("""
                        INSERT INTO processed_event (event_id, processed_at) VALUES (:id, :now)
                        ON CONFLICT (event_id) DO NOTHING""")
                .setParameter("id", eventId)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    /** Forgets the events processed before {@code cutoff}; returns how many. */
    public int forgetProcessedBefore(Instant cutoff) {
        return entityManager.createNativeQuery("DELETE FROM processed_event WHERE processed_at < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }
}
