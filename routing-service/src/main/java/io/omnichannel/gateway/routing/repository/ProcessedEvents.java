package io.omnichannel.gateway.routing.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;

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
     * Records a poll's event ids in one statement (run over JDBC: Hibernate would cache a new plan of this
     * native query on every call).
     *
     * @return the ids seen for the first time (an id repeated within {@code eventIds} counts once)
     */
    public Set<String> markProcessed(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO processed_event (event_id, processed_at)
                    SELECT id, ? FROM unnest(CAST(? AS text[])) AS id
                    ON CONFLICT DO NOTHING RETURNING event_id""")) {
                insert.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
                insert.setArray(2, connection.createArrayOf("text", eventIds.toArray()));
                Set<String> inserted = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        inserted.add(rows.getString(1));
                    }
                }
                return inserted;
            }
        });
    }
}
