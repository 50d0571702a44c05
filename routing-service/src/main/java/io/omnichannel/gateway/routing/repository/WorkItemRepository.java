package io.omnichannel.gateway.routing.repository;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.routing.domain.WorkItem;
import io.omnichannel.gateway.routing.domain.WorkItemStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class WorkItemRepository implements PanacheRepositoryBase<WorkItem, UUID> {

    private static final List<WorkItemStatus> ACTIVE = List.of(WorkItemStatus.WAITING, WorkItemStatus.OFFERED,
            WorkItemStatus.ASSIGNED);

    /** The conversation's waiting, offered or assigned item, locked for a change. */
    public Optional<WorkItem> lockActive(String conversationKey) {
        return find("conversationKey = ?1 and status in ?2", conversationKey, ACTIVE)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The waiting, offered or assigned items of these conversations, locked for a change, by conversation key. */
    public Map<String, WorkItem> lockActive(Collection<String> conversationKeys) {
        Map<String, WorkItem> active = new HashMap<>();
        if (!conversationKeys.isEmpty()) {
            find("conversationKey in ?1 and status in ?2 order by conversationKey", conversationKeys, ACTIVE)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                    .forEach(item -> active.put(item.conversationKey, item));
        }
        return active;
    }

    /** The conversation's latest resolved work, locked: what an agent reopening it takes back. */
    public Optional<WorkItem> lockLatestResolved(String conversationKey) {
        return find("conversationKey = ?1 and status = ?2 order by resolvedAt desc", conversationKey, WorkItemStatus.RESOLVED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Optional<WorkItem> lock(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The router's order (as {@code DecisionCore}'s): due time, then priority (urgent first), then arrival, then id. */
    private static final String PRIORITY_RANK = "(CASE priority WHEN 'URGENT' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'NORMAL' THEN 2 ELSE 3 END)";
    private static final String ROUTER_ORDER = "due_at, " + PRIORITY_RANK + ", arrived_at, id";

    /**
     * The next waiting items of a channel in the router's order, after {@code after} (null: from the
     * start), locked; items another instance is deciding on right now are skipped rather than waited for.
     */
    @SuppressWarnings("unchecked")
    public List<WorkItem> lockNextWaiting(Channel channel, WorkItem after, int limit) {
        String from = after == null ? "" : " AND (" + ROUTER_ORDER + ") > (:due, :rank, :arrived, :id)";
        var query = getEntityManager().createNativeQuery("SELECT * FROM work_item WHERE status = 'WAITING' AND channel = :channel"
                        + from + " ORDER BY " + ROUTER_ORDER + " LIMIT :limit FOR UPDATE SKIP LOCKED", WorkItem.class)
                .setParameter("channel", channel.name())
                .setParameter("limit", limit);
        if (after != null) {
            query.setParameter("due", after.dueAt).setParameter("rank", after.priority.ordinal())
                    .setParameter("arrived", after.arrivedAt).setParameter("id", after.id);
        }
        return query.getResultList();
    }

    /** Items whose offer has expired, locked. */
    @SuppressWarnings("unchecked")
    public List<WorkItem> lockExpiredOffers(Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM work_item WHERE status = 'OFFERED' AND offer_expires_at <= :now
                ORDER BY offer_expires_at LIMIT :limit FOR UPDATE SKIP LOCKED
                """, WorkItem.class)
                .setParameter("now", now).setParameter("limit", limit).getResultList();
    }

    /** Items whose running clock passed its warning time (or its due time) without the matching event yet, locked. */
    @SuppressWarnings("unchecked")
    public List<WorkItem> lockClocksToEscalate(Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM work_item
                WHERE awaiting_response AND status <> 'RESOLVED'
                  AND ((sla_state = 'OK' AND warn_at <= :now) OR (sla_state <> 'BREACHED' AND due_at <= :now))
                ORDER BY due_at LIMIT :limit FOR UPDATE SKIP LOCKED
                """, WorkItem.class)
                .setParameter("now", now).setParameter("limit", limit).getResultList();
    }

    /** Items an agent holds in {@code status}, locked. */
    public List<WorkItem> lockHeldBy(String agentId, WorkItemStatus status) {
        return find("assignedAgentId = ?1 and status = ?2", agentId, status)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** How many conversations each agent holds (offered or assigned) per channel. */
    public Map<String, Map<Channel, Integer>> heldByAgent() {
        return countHeld("", List.of());
    }

    /** What these agents hold per channel (agents holding nothing are absent); counted under their locks. */
    public Map<String, Map<Channel, Integer>> heldBy(Collection<String> agentIds) {
        return agentIds.isEmpty() ? new HashMap<>() : countHeld(" and w.assignedAgentId in :agents", agentIds);
    }

    /** What one agent holds per channel, counted under the agent's lock. */
    public Map<Channel, Integer> heldBy(String agentId) {
        return heldBy(List.of(agentId)).getOrDefault(agentId, new EnumMap<>(Channel.class));
    }

    private Map<String, Map<Channel, Integer>> countHeld(String agentFilter, Collection<String> agentIds) {
        var query = getEntityManager().createQuery("select w.assignedAgentId, w.channel, count(w) from WorkItem w"
                + " where w.status in :held" + agentFilter + " group by w.assignedAgentId, w.channel", Object[].class)
                .setParameter("held", List.of(WorkItemStatus.OFFERED, WorkItemStatus.ASSIGNED));
        if (!agentIds.isEmpty()) {
            query.setParameter("agents", agentIds);
        }
        Map<String, Map<Channel, Integer>> loads = new HashMap<>();
        for (Object[] row : query.getResultList()) {
            loads.computeIfAbsent((String) row[0], a -> new EnumMap<>(Channel.class))
                    .put((Channel) row[1], ((Number) row[2]).intValue());
        }
        return loads;
    }

    /** Waiting items in the router's order (of one channel, or of all when {@code channel} is null). */
    @SuppressWarnings("unchecked")
    public List<WorkItem> waitingInOrder(Channel channel, int limit) {
        var query = getEntityManager().createNativeQuery("SELECT * FROM work_item WHERE status = 'WAITING'"
                        + (channel == null ? "" : " AND channel = :channel") + " ORDER BY " + ROUTER_ORDER + " LIMIT :limit",
                        WorkItem.class)
                .setParameter("limit", limit);
        if (channel != null) {
            query.setParameter("channel", channel.name());
        }
        return query.getResultList();
    }

    public List<WorkItem> offeredTo(String agentId) {
        return find("assignedAgentId = ?1 and status = ?2", Sort.by("offerExpiresAt"), agentId, WorkItemStatus.OFFERED).list();
    }
}
