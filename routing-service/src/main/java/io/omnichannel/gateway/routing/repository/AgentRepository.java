package io.omnichannel.gateway.routing.repository;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.routing.domain.Agent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class AgentRepository implements PanacheRepositoryBase<Agent, String> {

    /**
     * ONLINE agents with a free slot on {@code channel}, least busy first (share of capacity in use),
     * then the one who waited longest since their last assignment. Only candidates: the caller locks
     * one and checks again, since another instance may be assigning at the same moment.
     */
    @SuppressWarnings("unchecked")
    public List<String> candidatesFor(Channel channel, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT a.id
                FROM agent a
                JOIN agent_capacity c ON c.agent_id = a.id AND c.channel = :channel
                LEFT JOIN LATERAL (
                    SELECT count(*) AS active FROM work_item w
                    WHERE w.assigned_agent_id = a.id AND w.channel = :channel AND w.status = 'ASSIGNED'
                ) load ON true
                WHERE a.presence = 'ONLINE' AND load.active < c.capacity
                ORDER BY load.active::float / c.capacity, a.last_assigned_at NULLS FIRST, a.id
                LIMIT :limit
                """, String.class)
                .setParameter("channel", channel.name())
                .setParameter("limit", limit)
                .getResultList();
    }

    /** Locks the agent for an assignment; empty when another transaction holds it (then try the next one). */
    public Optional<Agent> lockIfFree(String id) {
        return getEntityManager().createNativeQuery("SELECT * FROM agent WHERE id = :id FOR UPDATE SKIP LOCKED", Agent.class)
                .setParameter("id", id)
                .getResultStream().findFirst().map(Agent.class::cast);
    }

    /** Conversations the agent holds on {@code channel}, counted under the agent's lock. */
    public long activeAssignments(String agentId, Channel channel) {
        return ((Number) getEntityManager().createNativeQuery("""
                SELECT count(*) FROM work_item
                WHERE assigned_agent_id = :agent AND channel = :channel AND status = 'ASSIGNED'
                """)
                .setParameter("agent", agentId)
                .setParameter("channel", channel.name())
                .getSingleResult()).longValue();
    }
}
