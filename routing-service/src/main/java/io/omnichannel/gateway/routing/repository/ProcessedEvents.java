package io.omnichannel.gateway.routing.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/** Event ids already handled, recorded in the handler's transaction so that a redelivery does nothing. */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager entityManager;

    ProcessedEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @return true the first time {@code eventId} is seen, false on a redelivery */
    public boolean markProcessed(String eventId) {
        return entityManager.createNativeQuery(
                        "INSERT INTO processed_event (event_id, processed_at) VALUES (:id, :at) ON CONFLICT DO NOTHING")
                .setParameter("id", eventId)
                .setParameter("at", Instant.now())
                .executeUpdate() == 1;
    }
}
