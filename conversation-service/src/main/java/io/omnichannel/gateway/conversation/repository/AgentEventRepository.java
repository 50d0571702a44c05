package io.omnichannel.gateway.conversation.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The agents' live event streams. Each agent's events are numbered 1, 2, 3 ... in commit order: the
 * counter row stays locked until the writing transaction ends, so a client that read event n and
 * resumes from it never misses an event committed later with a smaller number.
 */
@ApplicationScoped
public class AgentEventRepository {

    /** A stored event of an agent's stream; {@code data} is its JSON. */
    public record StoredEvent(String agentId, long seq, String type, UUID conversationId, String data, Instant createdAt) {
    }

    private final EntityManager entityManager;

    AgentEventRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Appends to {@code agentId}'s stream in the current transaction; returns the event's number. */
    public long append(String agentId, String type, UUID conversationId, String json, Instant now) {
        long seq = ((Number) entityManager.createNativeQuery("""
                        INSERT INTO agent_stream (agent_id, last_seq) VALUES (:agent, 1)
                        ON CONFLICT (agent_id) DO UPDATE SET last_seq = agent_stream.last_seq + 1
                        RETURNING last_seq""")
                .setParameter("agent", agentId)
                .getSingleResult()).longValue();
        entityManager.createNativeQuery("""
                        INSERT INTO agent_event (agent_id, seq, type, conversation_id, data, created_at)
                        VALUES (:agent, :seq, :type, :conversation, CAST(:data AS jsonb), :now)""")
                .setParameter("agent", agentId)
                .setParameter("seq", seq)
                .setParameter("type", type)
                .setParameter("conversation", conversationId)
                .setParameter("data", json)
                .setParameter("now", now)
                .executeUpdate();
        return seq;
    }

    /** Up to {@code limit} of {@code agentId}'s events after number {@code after}, in order. */
    public List<StoredEvent> after(String agentId, long after, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT seq, type, conversation_id, data::text, created_at FROM agent_event
                        WHERE agent_id = :agent AND seq > :after ORDER BY seq LIMIT :limit""")
                .setParameter("agent", agentId)
                .setParameter("after", after)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> new StoredEvent(agentId, ((Number) row[0]).longValue(), (String) row[1],
                (UUID) row[2], (String) row[3], TimelineRepository.toInstant(row[4]))).toList();
    }

    /** The number of the agent's last event, if they have had any. */
    public Optional<Long> lastSeq(String agentId) {
        @SuppressWarnings("unchecked")
        List<Number> rows = entityManager.createNativeQuery("SELECT last_seq FROM agent_stream WHERE agent_id = :agent")
                .setParameter("agent", agentId).getResultList();
        return rows.stream().findFirst().map(Number::longValue);
    }

    /** The number of the oldest event still kept for the agent. */
    public Optional<Long> firstKeptSeq(String agentId) {
        Object first = entityManager.createNativeQuery("SELECT min(seq) FROM agent_event WHERE agent_id = :agent")
                .setParameter("agent", agentId).getSingleResult();
        return Optional.ofNullable((Number) first).map(Number::longValue);
    }

    public int forgetBefore(Instant cutoff) {
        return entityManager.createNativeQuery("DELETE FROM agent_event WHERE created_at < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate();
    }
}
