package io.omnichannel.gateway.adapters.chat;

import io.omnichannel.gateway.contract.Attachment;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.ConversationKey;
import io.omnichannel.gateway.contract.EventJson;
import io.omnichannel.gateway.contract.OutboundMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The agents' replies of the web chat, stored durably per visitor conversation and numbered there
 * 1, 2, 3... (the cursor). Storing one notifies every instance ({@code NOTIFY webchat_reply}) at
 * commit, so the instance holding the visitor's socket pushes it. Every method is its own transaction.
 */
@ApplicationScoped
public class ChatReplies {

    /** The notification channel; its payload is the visitor conversation's key. */
    public static final String CHANNEL = "webchat_reply";

    private final EntityManager entityManager;

    ChatReplies(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Stores a reply (once: storing the same reply id again returns the stored one). */
    @Transactional
    public StoredReply store(OutboundMessage reply) {
        Optional<StoredReply> earlier = find(reply.id());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        // the row lock taken here is held until commit: a second reply of the conversation waits for the first
        long cursor = ((Number) entityManager.createNativeQuery("""
                        INSERT INTO chat_conversation (inbox, visitor, last_cursor) VALUES (:inbox, :visitor, 1)
                        ON CONFLICT (inbox, visitor) DO UPDATE SET last_cursor = chat_conversation.last_cursor + 1
                        RETURNING last_cursor""")
                .setParameter("inbox", reply.inbox())
                .setParameter("visitor", reply.to())
                .getSingleResult()).longValue();
        Instant now = Instant.now();
        entityManager.createNativeQuery("""
                        INSERT INTO chat_reply (id, inbox, visitor, cursor, text, attachments, agent_id, sent_at)
                        VALUES (:id, :inbox, :visitor, :cursor, :text, :attachments, :agent, :now)""")
                .setParameter("id", reply.id())
                .setParameter("inbox", reply.inbox())
                .setParameter("visitor", reply.to())
                .setParameter("cursor", cursor)
                .setParameter("text", reply.text())
                .setParameter("attachments", reply.attachments().isEmpty() ? null
                        : new String(EventJson.write(reply.attachments()), StandardCharsets.UTF_8))
                .setParameter("agent", reply.agentId())
                .setParameter("now", now)
                .executeUpdate();
        entityManager.createNativeQuery("SELECT pg_notify(:channel, :key)")
                .setParameter("channel", CHANNEL)
                .setParameter("key", ConversationKey.of(Channel.CHAT, reply.inbox(), reply.to()))
                .getSingleResult();
        return new StoredReply(reply.id(), cursor, reply.text(), reply.attachments(), reply.agentId(), now, "sent");
    }

    /** The visitor's replies after {@code cursor}, oldest first, at most {@code limit}. */
    @Transactional
    public List<StoredReply> after(String inbox, String visitor, long cursor, int limit) {
        return rows(entityManager.createNativeQuery(SELECT + " " + """
                        WHERE inbox = :inbox AND visitor = :visitor AND cursor > :cursor ORDER BY cursor LIMIT :limit""")
                .setParameter("inbox", inbox)
                .setParameter("visitor", visitor)
                .setParameter("cursor", cursor)
                .setParameter("limit", limit)
                .getResultList());
    }

    /** The cursor of the visitor's last reply; 0 when there is none. */
    @Transactional
    public long lastCursor(String inbox, String visitor) {
        List<?> rows = entityManager.createNativeQuery(
                        "SELECT last_cursor FROM chat_conversation WHERE inbox = :inbox AND visitor = :visitor")
                .setParameter("inbox", inbox)
                .setParameter("visitor", visitor)
                .getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }

    /** The last cursor of every conversation that got a reply since {@code since}, by conversation key. */
    @Transactional
    public Map<String, Long> repliedSince(Instant since) {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT inbox, visitor, max(cursor) FROM chat_reply WHERE sent_at >= :since GROUP BY inbox, visitor""")
                .setParameter("since", since)
                .getResultList();
        return rows.stream().map(Object[].class::cast).collect(Collectors.toMap(
                row -> ConversationKey.of(Channel.CHAT, (String) row[0], (String) row[1]),
                row -> ((Number) row[2]).longValue()));
    }

    /**
     * The visitor's replies up to {@code cursor} not yet acknowledged as delivered (or as read), oldest first.
     */
    @Transactional
    public List<String> unacknowledged(String inbox, String visitor, long cursor, boolean read) {
        List<?> ids = entityManager.createNativeQuery("SELECT id FROM chat_reply WHERE inbox = :inbox AND visitor = :visitor"
                        + " AND cursor <= :cursor AND " + (read ? "read_at" : "delivered_at") + " IS NULL ORDER BY cursor")
                .setParameter("inbox", inbox)
                .setParameter("visitor", visitor)
                .setParameter("cursor", cursor)
                .getResultList();
        return ids.stream().map(String.class::cast).toList();
    }

    /** Records that the replies were delivered (or read, which implies delivered). */
    @Transactional
    public void acknowledged(List<String> ids, boolean read) {
        for (String id : ids) {
            entityManager.createNativeQuery("UPDATE chat_reply SET delivered_at = coalesce(delivered_at, :now)"
                            + (read ? ", read_at = coalesce(read_at, :now)" : "") + " WHERE id = :id")
                    .setParameter("now", Instant.now())
                    .setParameter("id", id)
                    .executeUpdate();
        }
    }

    private Optional<StoredReply> find(String id) {
        return rows(entityManager.createNativeQuery(SELECT + " WHERE id = :id").setParameter("id", id).getResultList())
                .stream().findFirst();
    }

    private static final String SELECT =
            "SELECT id, cursor, text, attachments, agent_id, sent_at, delivered_at, read_at FROM chat_reply";

    private static List<StoredReply> rows(List<?> rows) {
        List<StoredReply> replies = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            String status = r[7] != null ? "read" : r[6] != null ? "delivered" : "sent";
            replies.add(new StoredReply((String) r[0], ((Number) r[1]).longValue(), (String) r[2], attachments((String) r[3]),
                    (String) r[4], instant(r[5]), status));
        }
        return replies;
    }

    private static List<Attachment> attachments(String json) {
        return json == null ? List.of() : Arrays.asList(EventJson.read(json.getBytes(StandardCharsets.UTF_8), Attachment[].class));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + (value == null ? null : value.getClass()));
    }
}
