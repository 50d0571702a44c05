package io.omnichannel.gateway.routing.repository;

import io.omnichannel.gateway.routing.domain.Agent;
import io.omnichannel.gateway.routing.domain.Presence;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class AgentRepository implements PanacheRepositoryBase<Agent, String> {

    /** ONLINE agents with their capacities, in one query (not one more per agent). */
    public List<Agent> online() {
        return getEntityManager().createQuery(
                        "select distinct a from Agent a left join fetch a.capacities where a.presence = :presence", Agent.class)
                .setParameter("presence", Presence.ONLINE).getResultList();
    }

    public List<Agent> all() {
        return listAll(Sort.by("id"));
    }

    /**
     * Locks the agent for an assignment; empty when another transaction holds the lock (another
     * instance is assigning to them right now: the work is left for the next pass).
     */
    public Optional<Agent> lockIfFree(String id) {
        return getEntityManager().createNativeQuery("SELECT * FROM agent WHERE id = :id FOR UPDATE SKIP LOCKED", Agent.class)
                .setParameter("id", id)
                .getResultStream().findFirst().map(Agent.class::cast);
    }

    /** Locks the agent, waiting for another transaction that holds it. */
    public Optional<Agent> lock(String id) {
        return find("id", id).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
