package io.omnichannel.gateway.routing.repository;

import io.omnichannel.gateway.routing.domain.OutboxEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.util.List;
import org.hibernate.Session;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, String> {

    /**
     * Writes events in one statement, in the caller's transaction, at once (not at the next flush); the
     * table's sequence numbers them in list order, the order the relay publishes them in.
     */
    public void insert(List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO outbox_event (event_id, topic, record_key, event_type, payload, created_at)
                    SELECT event_id, topic, record_key, event_type, payload, created_at
                    FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                                CAST(? AS bytea[]), CAST(CAST(? AS text[]) AS timestamptz[]))
                         WITH ORDINALITY AS e(event_id, topic, record_key, event_type, payload, created_at, n)
                    ORDER BY n""")) {
                insert.setArray(1, connection.createArrayOf("text", events.stream().map(e -> e.eventId).toArray()));
                insert.setArray(2, connection.createArrayOf("text", events.stream().map(e -> e.topic).toArray()));
                insert.setArray(3, connection.createArrayOf("text", events.stream().map(e -> e.recordKey).toArray()));
                insert.setArray(4, connection.createArrayOf("text", events.stream().map(e -> e.eventType).toArray()));
                insert.setArray(5, connection.createArrayOf("bytea", events.stream().map(e -> e.payload).toArray(byte[][]::new)));
                insert.setArray(6, connection.createArrayOf("text", events.stream().map(e -> e.createdAt.toString()).toArray()));
                insert.executeUpdate();
            }
        });
    }

    /** Unpublished events (every row is one) in the order they were written, locked so that two relays never send the same batch. */
    @SuppressWarnings("unchecked")
    public List<OutboxEvent> lockUnpublished(int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM outbox_event
                ORDER BY id
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
                """, OutboxEvent.class)
                .setParameter("limit", limit)
                .getResultList();
    }

    /** Removes a relayed batch in one statement: the outbox holds only what is still to be published. */
    public void deletePublished(List<OutboxEvent> batch) {
        delete("eventId in ?1", batch.stream().map(event -> event.eventId).toList());
    }
}
