package io.omnichannel.gateway.conversation.repository;

import io.omnichannel.gateway.conversation.domain.OutboxEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, Long> {

    /** Unpublished events in the order they were written, locked so that two relays never send the same batch. */
    @SuppressWarnings("unchecked")
    public List<OutboxEvent> lockUnpublished(int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM outbox_event WHERE published_at IS NULL
                ORDER BY id
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
                """, OutboxEvent.class)
                .setParameter("limit", limit)
                .getResultList();
    }

    public List<OutboxEvent> findByEventId(String eventId) {
        return list("eventId", eventId);
    }
}
