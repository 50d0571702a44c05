package io.omnichannel.gateway.routing.repository;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.routing.core.AgentProfile;
import io.omnichannel.gateway.routing.domain.Agent;
import io.omnichannel.gateway.routing.domain.Presence;
import io.omnichannel.gateway.routing.domain.Tags;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class AgentRepository implements PanacheRepositoryBase<Agent, String> {

    /** An ONLINE agent as the router sees it. */
    public record Routable(AgentProfile profile, Instant lastAssignedAt) {
    }

    /**
     * ONLINE agents with their capacities, in one query, read as values: a pass over hundreds of
     * agents keeps none of them in the persistence context, so its flushes do not check them.
     */
    public List<Routable> routable() {
        Map<String, Object[]> agents = new LinkedHashMap<>();
        Map<String, Map<Channel, Integer>> capacities = new HashMap<>();
        getEntityManager().createQuery("""
                        select a.id, a.skillList, a.teamList, a.lastAssignedAt, key(c), value(c)
                        from Agent a left join a.capacities c where a.presence = :presence
                        """, Object[].class)
                .setParameter("presence", Presence.ONLINE)
                .getResultList()
                .forEach(row -> {
                    agents.putIfAbsent((String) row[0], row);
                    Map<Channel, Integer> capacity = capacities.computeIfAbsent((String) row[0], id -> new EnumMap<>(Channel.class));
                    if (row[4] != null) {
                        capacity.put((Channel) row[4], (Integer) row[5]);
                    }
                });
        return agents.values().stream().map(row -> new Routable(new AgentProfile((String) row[0],
                capacities.get((String) row[0]), Tags.parse((String) row[1]), Tags.parse((String) row[2])),
                (Instant) row[3])).toList();
    }

    /**
     * Locks those of these agents who are ONLINE and not locked by another transaction (another
     * instance assigning to them right now: their work is left for the next pass), and reads their
     * capacities under the lock.
     *
     * @return each locked agent's capacity per channel
     */
    @SuppressWarnings("unchecked")
    public Map<String, Map<Channel, Integer>> lockOnline(Collection<String> ids) {
        Map<String, Map<Channel, Integer>> capacities = new HashMap<>();
        if (ids.isEmpty()) {
            return capacities;
        }
        List<String> locked = getEntityManager().createNativeQuery(
                        "SELECT id FROM agent WHERE id IN (:ids) AND presence = 'ONLINE' ORDER BY id FOR UPDATE SKIP LOCKED", String.class)
                .setParameter("ids", ids)
                .getResultList();
        locked.forEach(id -> capacities.put(id, new EnumMap<>(Channel.class)));
        if (!locked.isEmpty()) {
            getEntityManager().createQuery("select a.id, key(c), value(c) from Agent a join a.capacities c where a.id in :ids",
                            Object[].class)
                    .setParameter("ids", locked)
                    .getResultList()
                    .forEach(row -> capacities.get((String) row[0]).put((Channel) row[1], (Integer) row[2]));
        }
        return capacities;
    }

    /** Records when these agents were last given work, in one statement. */
    public void markAssigned(Collection<String> ids, Instant at) {
        if (!ids.isEmpty()) {
            update("lastAssignedAt = ?1 where id in ?2", at, ids);
        }
    }

    public List<Agent> all() {
        return listAll(Sort.by("id"));
    }

    /** Locks the agent, waiting for another transaction that holds it. */
    public Optional<Agent> lock(String id) {
        return find("id", id).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
