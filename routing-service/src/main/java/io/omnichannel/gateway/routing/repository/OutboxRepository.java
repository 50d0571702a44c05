package io.omnichannel.gateway.routing.repository;

import io.omnichannel.gateway.routing.domain.OutboxEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, String> {

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

    /** Marks a relayed batch in one statement. */
    public void markPublished(List<OutboxEvent> batch, Instant at) {
        update("publishedAt = ?1 where eventId in ?2", at, batch.stream().map(event -> event.eventId).toList());
    }
}
