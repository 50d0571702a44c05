package io.omnichannel.gateway.conversation.repository;

import io.omnichannel.gateway.conversation.domain.Conversation;
import io.omnichannel.gateway.conversation.domain.ConversationFilter;
import io.omnichannel.gateway.conversation.domain.ConversationSort;
import io.omnichannel.gateway.conversation.domain.ConversationStatus;
import io.omnichannel.gateway.conversation.domain.PageCursor;
import io.omnichannel.gateway.conversation.security.Viewer;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class ConversationRepository implements PanacheRepositoryBase<Conversation, UUID> {

    /**
     * The live (not resolved) conversation of {@code key}, locked until the transaction ends: the
     * consumers and the agents' actions all change it, and none may overwrite another's change with a
     * stale copy. There is at most one (unique partial index).
     */
    public Optional<Conversation> findLive(String key) {
        return find("conversationKey = ?1 and status <> ?2", key, ConversationStatus.RESOLVED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).singleResultOptional();
    }

    /** The conversation of {@code key} resolved last, if that was after {@code since}; locked. */
    public Optional<Conversation> findResolvedSince(String key, Instant since) {
        return find("conversationKey = ?1 and status = ?2 and resolvedAt >= ?3 order by resolvedAt desc", key,
                ConversationStatus.RESOLVED, since)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The conversation with its customer loaded. */
    public Optional<Conversation> findWithCustomer(UUID id) {
        return find("from Conversation c join fetch c.customer where c.id = ?1", id).singleResultOptional();
    }

    /** The conversation, locked for a change until the transaction ends. */
    public Optional<Conversation> findForUpdate(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).singleResultOptional();
    }

    public List<Conversation> listByIdentity(UUID identityId) {
        return list("identityId", identityId);
    }

    public long countByCustomer(UUID customerId) {
        return count("customer.id", customerId);
    }

    /** The satisfaction score of the customer's latest conversation that has one. */
    public Optional<Integer> lastSatisfaction(UUID customerId) {
        return find("customer.id = ?1 and satisfactionScore is not null order by updatedAt desc", customerId)
                .firstResultOptional().map(Conversation::satisfactionScore);
    }

    /** Snoozed conversations whose time has come. */
    public List<UUID> snoozedUntilBefore(Instant now, int limit) {
        return find("select c.id from Conversation c where c.status = ?1 and c.snoozedUntil <= ?2 order by c.snoozedUntil",
                ConversationStatus.SNOOZED, now).project(UUID.class).range(0, limit - 1).list();
    }

    /**
     * Up to {@code size} conversations that match {@code filter} and that {@code viewer} may see, in
     * {@code sort} order, after {@code after}. Each page is one keyset query on (sort value, id).
     */
    public List<Conversation> page(ConversationFilter filter, Viewer viewer, ConversationSort sort,
            Optional<PageCursor> after, int size) {
        StringBuilder sql = new StringBuilder("SELECT c.id FROM conversation c");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.text().isPresent()) {
            sql.append(" JOIN customer cu ON cu.id = c.customer_id");
        }
        sql.append(" WHERE true");
        filter.assigneeAgentId().ifPresent(agent -> where(sql, parameters, " AND c.assignee_agent_id = :assignee", "assignee", agent));
        if (!filter.statuses().isEmpty()) {
            where(sql, parameters, " AND c.status IN (:statuses)", "statuses",
                    filter.statuses().stream().map(ConversationStatus::wireName).toList());
        }
        filter.channel().ifPresent(channel -> where(sql, parameters, " AND c.channel = :channel", "channel", channel.wireName()));
        filter.inbox().ifPresent(inbox -> where(sql, parameters, " AND c.inbox = :inbox", "inbox", inbox));
        filter.teamId().ifPresent(team -> where(sql, parameters, " AND c.team_id = :team", "team", team));
        filter.slaState().ifPresent(sla -> where(sql, parameters, " AND c.sla_state = :sla", "sla", sla.wireName()));
        filter.customerId().ifPresent(customer -> where(sql, parameters, " AND c.customer_id = :customer", "customer", customer));
        filter.conversationKey().ifPresent(key -> where(sql, parameters, " AND c.conversation_key = :key", "key", key));
        filter.text().ifPresent(text -> {
            sql.append(" AND").append("""
                     (cu.display_name ILIKE :like OR c.customer_handle ILIKE :like
                          OR EXISTS (SELECT 1 FROM message m WHERE m.conversation_id = c.id
                                     AND to_tsvector('simple', coalesce(m.subject, '') || ' ' || m.text)
                                         @@ plainto_tsquery('simple', :text)))""");
            parameters.put("like", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            parameters.put("text", text);
        });
        if (!viewer.seesAll()) {
            if (viewer.teams().isEmpty()) {
                where(sql, parameters, " AND (c.assignee_agent_id = :me OR c.offered_agent_id = :me)", "me",
                        viewer.agentId());
            } else {
                sql.append(" AND (c.assignee_agent_id = :me OR c.offered_agent_id = :me OR c.team_id IN (:teams))");
                parameters.put("me", viewer.agentId());
                parameters.put("teams", List.copyOf(viewer.teams()));
            }
        }
        after.ifPresent(cursor -> {
            switch (sort) {
                case UPDATED -> sql.append(" AND (c.updated_at, c.id) < (:afterAt, :afterId)");
                case CREATED -> sql.append(" AND (c.created_at, c.id) < (:afterAt, :afterId)");
                case DUE -> sql.append(cursor.at() == null
                        ? " AND c.due_at IS NULL AND c.id > :afterId"
                        : " AND ((c.due_at, c.id) > (:afterAt, :afterId) OR c.due_at IS NULL)");
            }
            if (cursor.at() != null) {
                parameters.put("afterAt", cursor.at());
            }
            parameters.put("afterId", cursor.id());
        });
        sql.append(switch (sort) {
            case UPDATED -> " ORDER BY c.updated_at DESC, c.id DESC";
            case CREATED -> " ORDER BY c.created_at DESC, c.id DESC";
            case DUE -> " ORDER BY c.due_at ASC NULLS LAST, c.id ASC";
        });
        sql.append(" LIMIT :size");
        parameters.put("size", size);

        Query query = getEntityManager().createNativeQuery(sql.toString(), UUID.class);
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<UUID> ids = query.getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Conversation> loaded = find("from Conversation c join fetch c.customer where c.id in ?1", ids).list()
                .stream().collect(Collectors.toMap(Conversation::id, Function.identity()));
        Map<UUID, Integer> order = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            order.put(ids.get(i), i);
        }
        return loaded.values().stream().sorted(Comparator.comparing(c -> order.get(c.id()))).toList();
    }

    private static void where(StringBuilder sql, Map<String, Object> parameters, String clause, String name, Object value) {
        sql.append(clause);
        parameters.put(name, value);
    }
}
