package io.omnichannel.gateway.conversation.repository;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.EventJson;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.conversation.domain.Conversation;
import io.omnichannel.gateway.conversation.domain.Customer;
import io.omnichannel.gateway.conversation.domain.CustomerIdentity;
import io.omnichannel.gateway.conversation.domain.IdentityRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import java.util.function.Function;
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

    /** A first-time customer's message with the customer, identity and conversation it opens. */
    public record FirstContact(InboundMessage message, Customer customer, CustomerIdentity identity, Conversation conversation) {
    }

    private final EntityManager entityManager;

    InboundBatchRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Records the event ids as processed; returns the ones that were not processed before. */
    public Set<String> markProcessed(Collection<String> eventIds, Instant now) {
        return work(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO processed_event (event_id, processed_at) SELECT unnest(?), ?
                    ON CONFLICT (event_id) DO NOTHING RETURNING event_id""")) {
                insert.setArray(1, connection.createArrayOf("text", eventIds.toArray()));
                insert.setObject(2, timestamp(now));
                return firstColumn(insert);
            }
        });
    }

    /** Which of the message ids are stored already. */
    public Set<String> storedMessages(Collection<String> messageIds) {
        return work(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM message WHERE id = ANY(?)")) {
                select.setArray(1, connection.createArrayOf("text", messageIds.toArray()));
                return firstColumn(select);
            }
        });
    }

    /**
     * Takes the identities' locks (the advisory locks the one-by-one path takes, see {@code CustomerResolver}),
     * in name order so that two consumers taking overlapping sets never wait for each other in a circle.
     */
    public void lockIdentities(Collection<String> lockNames) {
        work(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("""
                    SELECT count(pg_advisory_xact_lock(hashtextextended(name, 0)))
                    FROM (SELECT DISTINCT name FROM unnest(CAST(? AS text[])) AS name ORDER BY name) AS ordered""")) {
                lock.setArray(1, connection.createArrayOf("text", lockNames.toArray()));
                lock.executeQuery().close();
            }
            return null;
        });
    }

    /** Which of these addresses someone has written from (as {@link #identityKey}). */
    public Set<String> knownIdentities(Collection<IdentityRef> addresses) {
        return work(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT i.kind || ':' || i.value FROM customer_identity i
                    JOIN unnest(CAST(? AS text[]), CAST(? AS text[])) AS a(kind, value) ON i.kind = a.kind AND i.value = a.value""")) {
                select.setArray(1, connection.createArrayOf("text", addresses.stream().map(a -> a.kind().wireName()).toArray()));
                select.setArray(2, connection.createArrayOf("text", addresses.stream().map(IdentityRef::value).toArray()));
                return firstColumn(select);
            }
        });
    }

    /** An address as {@link #knownIdentities} reports it. */
    public static String identityKey(IdentityRef address) {
        return address.kind().wireName() + ":" + address.value();
    }

    /** Which of the keys have a conversation that is live, or was resolved since {@code resolvedSince}. */
    public Set<String> keysInUse(Collection<String> keys, Instant resolvedSince) {
        return work(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT DISTINCT conversation_key FROM conversation
                    WHERE conversation_key = ANY(?) AND (status <> 'resolved' OR resolved_at >= ?)""")) {
                select.setArray(1, connection.createArrayOf("text", keys.toArray()));
                select.setObject(2, timestamp(resolvedSince));
                return firstColumn(select);
            }
        });
    }

    /** Where each new identity wrote from: what a reply on that channel is sent from (see {@code IdentityRepository.used}). */
    public void usedFirst(List<FirstContact> contacts) {
        work(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO identity_channel (identity_id, channel, handle, inbox, provider, last_seen_at)
                    SELECT * FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                                         CAST(? AS text[]), CAST(CAST(? AS text[]) AS timestamptz[]))""")) {
                insert.setArray(1, connection.createArrayOf("uuid", contacts.stream().map(c -> c.identity().id()).toArray()));
                insert.setArray(2, texts(connection, contacts, c -> c.message().channel().wireName()));
                insert.setArray(3, texts(connection, contacts, c -> c.message().customer().handle()));
                insert.setArray(4, texts(connection, contacts, c -> c.message().inbox()));
                insert.setArray(5, texts(connection, contacts, c -> c.message().provider()));
                insert.setArray(6, texts(connection, contacts, c -> text(c.message().receivedAt())));
                insert.executeUpdate();
            }
            return null;
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

    /** Inserts the messages in one statement, in list order (their timeline numbers follow it). */
    public void insert(List<NewMessage> messages) {
        work(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO message (id, conversation_id, direction, channel, inbox, provider, external_id, thread_ref,
                                         subject, text, html, language, sent_at, received_at, attachments)
                    SELECT id, conversation_id, 'inbound', channel, inbox, provider, external_id, thread_ref, subject, text,
                           html, language, sent_at, received_at, attachments
                    FROM unnest(CAST(? AS text[]), CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                                CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                                CAST(? AS text[]), CAST(CAST(? AS text[]) AS timestamptz[]),
                                CAST(CAST(? AS text[]) AS timestamptz[]), CAST(CAST(? AS text[]) AS jsonb[]))
                         WITH ORDINALITY AS m(id, conversation_id, channel, inbox, provider, external_id, thread_ref, subject,
                                              text, html, language, sent_at, received_at, attachments, n)
                    ORDER BY n""")) {
                int p = 1;
                insert.setArray(p++, texts(connection, messages, m -> m.message().id()));
                insert.setArray(p++, connection.createArrayOf("uuid", messages.stream().map(NewMessage::conversationId).toArray()));
                insert.setArray(p++, texts(connection, messages, m -> m.message().channel().wireName()));
                insert.setArray(p++, texts(connection, messages, m -> m.message().inbox()));
                insert.setArray(p++, texts(connection, messages, m -> m.message().provider()));
                insert.setArray(p++, texts(connection, messages, m -> m.message().externalId()));
                insert.setArray(p++, texts(connection, messages, m -> m.message().threadRef()));
                insert.setArray(p++, texts(connection, messages, m -> m.message().subject()));
                insert.setArray(p++, texts(connection, messages, m -> m.message().text()));
                insert.setArray(p++, texts(connection, messages, m -> m.message().html()));
                insert.setArray(p++, texts(connection, messages, m -> m.message().language()));
                insert.setArray(p++, texts(connection, messages, m -> text(m.message().sentAt())));
                insert.setArray(p++, texts(connection, messages, m -> text(m.message().receivedAt())));
                insert.setArray(p, texts(connection, messages,
                        m -> new String(EventJson.write(m.message().attachments()), StandardCharsets.UTF_8)));
                insert.executeUpdate();
            }
            return null;
        });
    }

    /**
     * The conversations received messages up to the given arrival times, in one statement: the latest
     * arrival wins, and a pending conversation needs an agent again.
     */
    public void received(Map<UUID, Instant> latestArrival, Instant now) {
        work(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE conversation c SET last_message_at = GREATEST(c.last_message_at, r.arrival), updated_at = ?,
                           status = CASE WHEN c.status = 'pending' THEN 'open' ELSE c.status END
                    FROM unnest(CAST(? AS uuid[]), CAST(CAST(? AS text[]) AS timestamptz[])) AS r(id, arrival)
                    WHERE c.id = r.id""")) {
                List<Map.Entry<UUID, Instant>> rows = List.copyOf(latestArrival.entrySet());
                update.setObject(1, timestamp(now));
                update.setArray(2, connection.createArrayOf("uuid", rows.stream().map(Map.Entry::getKey).toArray()));
                update.setArray(3, connection.createArrayOf("text", rows.stream().map(e -> text(e.getValue())).toArray()));
                update.executeUpdate();
            }
            return null;
        });
    }

    /** Keeps the newest names the providers reported, in one statement. */
    public void rename(Map<UUID, String> names) {
        if (names.isEmpty()) {
            return;
        }
        work(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE customer c SET display_name = r.name
                    FROM unnest(CAST(? AS uuid[]), CAST(? AS text[])) AS r(id, name)
                    WHERE c.id = r.id AND c.display_name IS DISTINCT FROM r.name""")) {
                List<Map.Entry<UUID, String>> rows = List.copyOf(names.entrySet());
                update.setArray(1, connection.createArrayOf("uuid", rows.stream().map(Map.Entry::getKey).toArray()));
                update.setArray(2, connection.createArrayOf("text", rows.stream().map(Map.Entry::getValue).toArray()));
                update.executeUpdate();
            }
            return null;
        });
    }

    private static <T> java.sql.Array texts(Connection connection, List<T> rows, Function<T, String> column) throws SQLException {
        return connection.createArrayOf("text", rows.stream().map(column).toArray());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** The first column of every row the statement returns. */
    private static Set<String> firstColumn(PreparedStatement statement) throws SQLException {
        Set<String> values = new HashSet<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
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
