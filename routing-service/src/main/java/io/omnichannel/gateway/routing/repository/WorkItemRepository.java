package io.omnichannel.gateway.routing.repository;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.routing.domain.SlaState;
import io.omnichannel.gateway.routing.domain.WorkItem;
import io.omnichannel.gateway.routing.domain.WorkItemStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.Session;

@ApplicationScoped
public class WorkItemRepository implements PanacheRepositoryBase<WorkItem, UUID> {

    private static final List<WorkItemStatus> ACTIVE = List.of(WorkItemStatus.WAITING, WorkItemStatus.OFFERED,
            WorkItemStatus.ASSIGNED);

    /**
     * Inserts new waiting items in one statement, at once. The items stay unmanaged: nothing in the
     * transaction changes them afterwards (a later message of the same poll finds their clock running).
     */
    public void insertNew(List<WorkItem> items) {
        if (items.isEmpty()) {
            return;
        }
        for (WorkItem item : items) {
            if (item.status != WorkItemStatus.WAITING || !item.awaitingResponse || item.slaState != SlaState.OK
                    || item.escalated || !item.excludedAgents.isEmpty()) {
                throw new IllegalArgumentException("not a new waiting item: " + item.id);
            }
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO work_item (id, conversation_key, message_id, channel, inbox, status, priority, arrived_at,
                                           clock_started_at, warn_at, due_at, awaiting_response, sla_state, required_skills,
                                           optional_skills, team_id, excluded_agents, preferred_agent, prefer_until,
                                           escalated, version)
                    SELECT id, conversation_key, message_id, channel, inbox, 'WAITING', priority, arrived_at, clock_started_at,
                           warn_at, due_at, true, 'OK', required_skills, optional_skills, team_id, '', preferred_agent,
                           prefer_until, false, 0
                    FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                                CAST(? AS text[]), CAST(CAST(? AS text[]) AS timestamptz[]),
                                CAST(CAST(? AS text[]) AS timestamptz[]), CAST(CAST(? AS text[]) AS timestamptz[]),
                                CAST(CAST(? AS text[]) AS timestamptz[]), CAST(? AS text[]), CAST(? AS text[]),
                                CAST(? AS text[]), CAST(? AS text[]), CAST(CAST(? AS text[]) AS timestamptz[]))
                         AS i(id, conversation_key, message_id, channel, inbox, priority, arrived_at, clock_started_at,
                              warn_at, due_at, required_skills, optional_skills, team_id, preferred_agent, prefer_until)""")) {
                int p = 1;
                insert.setArray(p++, connection.createArrayOf("uuid", items.stream().map(i -> i.id).toArray()));
                insert.setArray(p++, texts(connection, items, i -> i.conversationKey));
                insert.setArray(p++, texts(connection, items, i -> i.messageId));
                insert.setArray(p++, texts(connection, items, i -> i.channel.name()));
                insert.setArray(p++, texts(connection, items, i -> i.inbox));
                insert.setArray(p++, texts(connection, items, i -> i.priority.name()));
                insert.setArray(p++, texts(connection, items, i -> text(i.arrivedAt)));
                insert.setArray(p++, texts(connection, items, i -> text(i.clockStartedAt)));
                insert.setArray(p++, texts(connection, items, i -> text(i.warnAt)));
                insert.setArray(p++, texts(connection, items, i -> text(i.dueAt)));
                insert.setArray(p++, texts(connection, items, i -> i.requiredSkills));
                insert.setArray(p++, texts(connection, items, i -> i.optionalSkills));
                insert.setArray(p++, texts(connection, items, i -> i.teamId));
                insert.setArray(p++, texts(connection, items, i -> i.preferredAgent));
                insert.setArray(p, texts(connection, items, i -> text(i.preferUntil)));
                insert.executeUpdate();
            }
        });
    }

    private static java.sql.Array texts(Connection connection, List<WorkItem> items, Function<WorkItem, String> column)
            throws SQLException {
        return connection.createArrayOf("text", items.stream().map(column).toArray());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

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

    /** Items whose offer has expired, locked. */
    @SuppressWarnings("unchecked")
    public List<WorkItem> lockExpiredOffers(Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM work_item WHERE status = 'OFFERED' AND offer_expires_at <= :now
                ORDER BY offer_expires_at LIMIT :limit FOR UPDATE SKIP LOCKED
                """, WorkItem.class)
                .setParameter("now", now).setParameter("limit", limit).getResultList();
    }

    /**
     * Items whose running clock passed its warning time (or its due time) without the matching event yet, locked.
     * A clock's warning time is never after its due time, so {@code warn_at <= :now} holds for both and lets the
     * scan read only the clocks past their warning, not every running clock.
     */
    @SuppressWarnings("unchecked")
    public List<WorkItem> lockClocksToEscalate(Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM work_item
                WHERE awaiting_response AND status <> 'RESOLVED' AND warn_at <= :now
                  AND (sla_state = 'OK' OR (sla_state <> 'BREACHED' AND due_at <= :now))
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
        return loads(null);
    }

    /** What these agents hold per channel (agents holding nothing are absent); counted under their locks. */
    public Map<String, Map<Channel, Integer>> heldBy(Collection<String> agentIds) {
        return agentIds.isEmpty() ? new HashMap<>() : loads(agentIds);
    }

    /** What one agent holds per channel, counted under the agent's lock. */
    public Map<Channel, Integer> heldBy(String agentId) {
        return heldBy(List.of(agentId)).getOrDefault(agentId, new EnumMap<>(Channel.class));
    }

    /**
     * Read from {@code agent_load}, which the database keeps in step with every change of {@code work_item}
     * (migration V5): a row per agent and channel instead of a count of all the work they hold. The
     * transaction's own changes are flushed first, so that they are counted.
     */
    private Map<String, Map<Channel, Integer>> loads(Collection<String> agentIds) {
        getEntityManager().flush();
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT agent_id, channel, held FROM agent_load WHERE held > 0"
                    + (agentIds == null ? "" : " AND agent_id = ANY(?)"))) {
                if (agentIds != null) {
                    select.setArray(1, connection.createArrayOf("text", agentIds.toArray()));
                }
                Map<String, Map<Channel, Integer>> loads = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        loads.computeIfAbsent(rows.getString(1), agent -> new EnumMap<>(Channel.class))
                                .put(Channel.valueOf(rows.getString(2)), rows.getInt(3));
                    }
                }
                return loads;
            }
        });
    }

    /** Waiting items in the router's order (of one channel, or of all when {@code channel} is null). */
    @SuppressWarnings("unchecked")
    public List<WorkItem> waitingInOrder(Channel channel, int limit) {
        var query = getEntityManager().createNativeQuery("SELECT * FROM work_item WHERE status = 'WAITING'"
                        + (channel == null ? "" : " AND channel = :channel") + " ORDER BY " + WaitingWorkRepository.ROUTER_ORDER
                        + " LIMIT :limit",
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
