package io.omnichannel.gateway.routing.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Event ids already handled, recorded in the handler's transaction so that a redelivery does nothing. */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager entityManager;

    ProcessedEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @return true the first time {@code eventId} is seen, false on a redelivery */
    public boolean markProcessed(String eventId) {
        return !markProcessed(List.of(eventId)).isEmpty();
    }

    /**
     * Records a poll's event ids in one statement.
     *
     * @return the ids seen for the first time (an id repeated within {@code eventIds} counts once)
     */
    @SuppressWarnings("unchecked")
    public Set<String> markProcessed(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        List<String> inserted = entityManager.createNativeQuery("""
                        INSERT INTO processed_event (event_id, processed_at)
                        SELECT id, :at FROM unnest(CAST(:ids AS text[])) AS id
                        ON CONFLICT DO NOTHING RETURNING event_id
                        """, String.class)
                .setParameter("ids", eventIds.toArray(String[]::new))
                .setParameter("at", Instant.now())
                .getResultList();
        return new HashSet<>(inserted);
    }
}
