package io.omnichannel.gateway.adapters.social;

import io.omnichannel.gateway.contract.InboundMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * When each customer last wrote, per conversation: Meta's platforms allow free-form replies only
 * within a window after it (24 hours), so a reply is checked against it before it goes out.
 */
@ApplicationScoped
public class CustomerWindows {

    private final EntityManager entityManager;

    CustomerWindows(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Records the customers' messages: each one's send time (else arrival) opens its conversation's window. */
    @Transactional
    public void opened(List<InboundMessage> messages) {
        for (InboundMessage message : messages) {
            entityManager.createNativeQuery("""
                            INSERT INTO customer_last_inbound (conversation_key, last_inbound_at) VALUES (:key, :at)
                            ON CONFLICT (conversation_key) DO UPDATE
                            SET last_inbound_at = GREATEST(customer_last_inbound.last_inbound_at, EXCLUDED.last_inbound_at)""")
                    .setParameter("key", message.conversationKey())
                    .setParameter("at", message.sentAt() != null ? message.sentAt() : message.receivedAt())
                    .executeUpdate();
        }
    }

    /** When the customer of {@code conversationKey} last wrote, if ever. */
    @Transactional
    public Optional<Instant> lastInbound(String conversationKey) {
        List<?> rows = entityManager.createNativeQuery(
                        "SELECT last_inbound_at FROM customer_last_inbound WHERE conversation_key = :key")
                .setParameter("key", conversationKey)
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(instant(rows.get(0)));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
