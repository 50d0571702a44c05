package io.omnichannel.gateway.conversation.repository;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.EventJson;
import io.omnichannel.gateway.contract.InboundMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Set-based statements for a batch of inbound messages: a few round trips per batch instead of several
 * per message, for the common case of messages joining a live conversation. Runs in the caller's
 * transaction on its connection.
 */
@ApplicationScoped
public class InboundBatchRepository {

    /** What the batch needs to know of a live conversation, locked until the transaction ends. */
    public record LiveConversation(UUID id, String key, UUID customerId, Channel channel, String customerHandle,
            String status, String provider, String assigneeAgentId, Instant dueAt) {
    }

    /** A message to insert into its conversation. */
    public record NewMessage(InboundMessage message, UUID conversationId) {
    }

    private final EntityManager entityManager;

    InboundBatchRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Records the event ids as processed; returns the ones that were not processed before. */
    public Set<String> markProcessed(Collection<String> eventIds, Instant now) {
        return work(connection -> {
            Set<String> fresh = new HashSet<>();
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO processed_event (event_id, processed_at) SELECT unnest(?), ?
                    ON CONFLICT (event_id) DO NOTHING RETURNING event_id""")) {
                insert.setArray(1, connection.createArrayOf("text", eventIds.toArray()));
                insert.setObject(2, timestamp(now));
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        fresh.add(rows.getString(1));
                    }
                }
            }
            return fresh;
        });
    }

    /** Which of the message ids are stored already. */
    public Set<String> storedMessages(Collection<String> messageIds) {
        return work(connection -> {
            Set<String> stored = new HashSet<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM message WHERE id = ANY(?)")) {
                select.setArray(1, connection.createArrayOf("text", messageIds.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        stored.add(rows.getString(1));
                    }
                }
            }
            return stored;
        });
    }

    /** The live conversations of the keys, by key, locked (in id order) until the transaction ends. */
    public Map<String, LiveConversation> lockLive(Collection<String> keys) {
        return work(connection -> {
            Map<String, LiveConversation> live = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT id, conversation_key, customer_id, channel, customer_handle, status, provider,
                           assignee_agent_id, due_at
                    FROM conversation WHERE conversation_key = ANY(?) AND status <> 'resolved'
                    ORDER BY id FOR UPDATE""")) {
                select.setArray(1, connection.createArrayOf("text", keys.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        OffsetDateTime due = rows.getObject(9, OffsetDateTime.class);
                        live.put(rows.getString(2), new LiveConversation(rows.getObject(1, UUID.class), rows.getString(2),
                                rows.getObject(3, UUID.class), Channel.fromWireName(rows.getString(4)), rows.getString(5),
                                rows.getString(6), rows.getString(7), rows.getString(8), due == null ? null : due.toInstant()));
                    }
                }
            }
            return live;
        });
    }

    /** Inserts the messages in one JDBC batch. */
    public void insert(List<NewMessage> messages) {
        work(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO message (id, conversation_id, direction, channel, inbox, provider, external_id, thread_ref,
                                         subject, text, html, language, sent_at, received_at, attachments)
                    VALUES (?, ?, 'inbound', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))""")) {
                for (NewMessage row : messages) {
                    InboundMessage m = row.message();
                    insert.setString(1, m.id());
                    insert.setObject(2, row.conversationId());
                    insert.setString(3, m.channel().wireName());
                    insert.setString(4, m.inbox());
                    insert.setString(5, m.provider());
                    insert.setString(6, m.externalId());
                    insert.setString(7, m.threadRef());
                    insert.setString(8, m.subject());
                    insert.setString(9, m.text());
                    insert.setString(10, m.html());
                    insert.setString(11, m.language());
                    if (m.sentAt() == null) {
                        insert.setNull(12, Types.TIMESTAMP_WITH_TIMEZONE);
                    } else {
                        insert.setObject(12, timestamp(m.sentAt()));
                    }
                    insert.setObject(13, timestamp(m.receivedAt()));
                    insert.setString(14, new String(EventJson.write(m.attachments()), StandardCharsets.UTF_8));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /**
     * The conversations received messages up to the given arrival times: the latest arrival wins, and a
     * pending conversation needs an agent again.
     */
    public void received(Map<UUID, Instant> latestArrival, Instant now) {
        work(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE conversation SET last_message_at = GREATEST(last_message_at, ?), updated_at = ?,
                           status = CASE WHEN status = 'pending' THEN 'open' ELSE status END
                    WHERE id = ?""")) {
                for (Map.Entry<UUID, Instant> entry : latestArrival.entrySet()) {
                    update.setObject(1, timestamp(entry.getValue()));
                    update.setObject(2, timestamp(now));
                    update.setObject(3, entry.getKey());
                    update.addBatch();
                }
                update.executeBatch();
            }
            return null;
        });
    }

    /** Keeps the newest names the providers reported. */
    public void rename(Map<UUID, String> names) {
        if (names.isEmpty()) {
            return;
        }
        work(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE customer SET display_name = ? WHERE id = ? AND display_name IS DISTINCT FROM ?")) {
                for (Map.Entry<UUID, String> entry : names.entrySet()) {
                    update.setString(1, entry.getValue());
                    update.setObject(2, entry.getKey());
                    update.setString(3, entry.getValue());
                    update.addBatch();
                }
                update.executeBatch();
            }
            return null;
        });
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T work(Work<T> work) {
        return entityManager.unwrap(Session.class).doReturningWork(work::run);
    }
}
