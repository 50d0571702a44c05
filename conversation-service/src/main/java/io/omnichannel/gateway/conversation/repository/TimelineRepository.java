package io.omnichannel.gateway.conversation.repository;

import io.omnichannel.gateway.conversation.domain.TimelineCursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A conversation's messages, notes and system events in one order: by time, then by the shared sequence. */
@ApplicationScoped
public class TimelineRepository {

    /** One entry of the timeline: a message (id = message id) or an event (id = event id). */
    public record Entry(boolean message, String id, Instant at, long seq) {
    }

    private final EntityManager entityManager;

    TimelineRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public List<Entry> page(UUID conversationId, Optional<TimelineCursor> after, int size) {
        String sql = """
                SELECT t.is_message, t.id, t.at, t.seq FROM (
                    SELECT true AS is_message, m.id AS id, m.received_at AS at, m.seq AS seq
                    FROM message m WHERE m.conversation_id = :conversation
                    UNION ALL
                    SELECT false, e.id::text, e.occurred_at, e.seq
                    FROM conversation_event e WHERE e.conversation_id = :conversation
                ) t
                """ + (after.isPresent() ? " WHERE (t.at, t.seq) > (:afterAt, :afterSeq)" : "")
                + " ORDER BY t.at, t.seq LIMIT :size";
        Query query = entityManager.createNativeQuery(sql)
                .setParameter("conversation", conversationId)
                .setParameter("size", size);
        after.ifPresent(cursor -> query.setParameter("afterAt", cursor.at()).setParameter("afterSeq", cursor.seq()));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new Entry((Boolean) row[0], (String) row[1], toInstant(row[2]),
                ((Number) row[3]).longValue())).toList();
    }

    static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + value);
    }
}
