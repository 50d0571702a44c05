package io.omnichannel.gateway.conversation.repository;

import io.omnichannel.gateway.conversation.domain.Conversation;
import io.omnichannel.gateway.conversation.domain.ConversationFilter;
import io.omnichannel.gateway.conversation.domain.ConversationKeyParts;
import io.omnichannel.gateway.conversation.domain.ConversationStatus;
import io.omnichannel.gateway.conversation.domain.Customer;
import io.omnichannel.gateway.conversation.domain.PageCursor;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ConversationRepository implements PanacheRepositoryBase<Conversation, UUID> {

    /** The conversation of {@code key} that is not resolved yet; there is at most one (unique partial index). */
    /**
     * The open conversation of {@code key}, locked until the transaction ends: the message and the
     * routing consumers both change it, and neither may overwrite the other's change with a stale copy.
     */
    public Optional<Conversation> findOpen(String key) {
        return find("conversationKey = ?1 and status <> ?2", key, ConversationStatus.RESOLVED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).singleResultOptional();
    }

    /**
     * Opens a conversation of {@code key} for {@code customer} unless one is open already. The inbound
     * and the routing consumer may both try at the same moment: the insert that comes second waits
     * for the first transaction and then does nothing, so {@link #findOpen} afterwards gives both
     * the same row.
     *
     * @return whether this call opened it
     */
    public boolean openIfNoneOpen(ConversationKeyParts key, Customer customer, Instant now) {
        return getEntityManager().createNativeQuery("""
                        INSERT INTO conversation (id, conversation_key, customer_id, channel, inbox, status,
                                                  created_at, updated_at)
                        VALUES (:id, :key, :customer, :channel, :inbox, 'open', :now, :now)
                        ON CONFLICT (conversation_key) WHERE status <> 'resolved' DO NOTHING""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("key", key.key())
                .setParameter("customer", customer.id())
                .setParameter("channel", key.channel().wireName())
                .setParameter("inbox", key.inbox())
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    /** The conversation with its customer loaded. */
    public Optional<Conversation> findWithCustomer(UUID id) {
        return find("from Conversation c join fetch c.customer where c.id = ?1", id).singleResultOptional();
    }

    /** Up to {@code size} conversations matching {@code filter}, most recently updated first, after {@code after}. */
    public List<Conversation> page(ConversationFilter filter, Optional<PageCursor> after, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        filter.assigneeAgentId().ifPresent(agent -> {
            where.append(" and c.assigneeAgentId = :assignee");
            parameters.put("assignee", agent);
        });
        filter.status().ifPresent(status -> {
            where.append(" and c.status = :status");
            parameters.put("status", status);
        });
        filter.conversationKey().ifPresent(key -> {
            where.append(" and c.conversationKey = :key");
            parameters.put("key", key);
        });
        after.ifPresent(cursor -> {
            where.append(" and (c.updatedAt < :afterUpdatedAt or (c.updatedAt = :afterUpdatedAt and c.id < :afterId))");
            parameters.put("afterUpdatedAt", cursor.updatedAt());
            parameters.put("afterId", cursor.id());
        });
        return find("from Conversation c join fetch c.customer where " + where
                + " order by c.updatedAt desc, c.id desc", parameters)
                .range(0, size - 1)
                .list();
    }
}
