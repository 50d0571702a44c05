package io.omnichannel.gateway.adapters.outbound;

import io.omnichannel.gateway.adapters.outbound.OutboundDelivery.State;
import io.omnichannel.gateway.contract.OutboundMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The record of each reply's delivery; every method is its own short transaction. */
@ApplicationScoped
public class Deliveries {

    private final EntityManager entityManager;

    Deliveries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Claims a reply for delivery.
     *
     * @return empty when the reply is new (now recorded as {@code SENDING} with no attempt yet);
     *         else the earlier record
     */
    @Transactional
    public Optional<OutboundDelivery> claim(OutboundMessage message) {
        Instant now = Instant.now();
        int inserted = entityManager.createNativeQuery("""
                        INSERT INTO outbound_delivery (message_id, conversation_key, channel, provider, inbox, state,
                            attempts, created_at, updated_at)
                        VALUES (:id, :key, :channel, :provider, :inbox, 'SENDING', 0, :now, :now)
                        ON CONFLICT (message_id) DO NOTHING""")
                .setParameter("id", message.id())
                .setParameter("key", message.conversationKey())
                .setParameter("channel", message.channel().wireName())
                .setParameter("provider", message.provider())
                .setParameter("inbox", message.inbox())
                .setParameter("now", now)
                .executeUpdate();
        return inserted == 1 ? Optional.empty()
                : Optional.of(entityManager.find(OutboundDelivery.class, message.id()));
    }

    @Transactional
    public OutboundDelivery find(String messageId) {
        return entityManager.find(OutboundDelivery.class, messageId);
    }

    /** Counts an attempt before it is made, so that a crash during it is known after a restart. */
    @Transactional
    public void attempt(String messageId) {
        OutboundDelivery delivery = entityManager.find(OutboundDelivery.class, messageId);
        delivery.attempts++;
        delivery.updatedAt = Instant.now();
    }

    /** Records the outcome and the provider ids, by which its status callbacks find the reply. */
    @Transactional
    public OutboundDelivery finish(String messageId, State state, List<String> externalIds, String reason) {
        OutboundDelivery delivery = entityManager.find(OutboundDelivery.class, messageId);
        delivery.state = state;
        delivery.externalId = externalIds.isEmpty() ? null : externalIds.get(0);
        delivery.reason = reason;
        delivery.updatedAt = Instant.now();
        for (String externalId : externalIds) {
            entityManager.createNativeQuery("""
                            INSERT INTO provider_message (provider, external_id, message_id) VALUES (:provider, :external, :id)
                            ON CONFLICT DO NOTHING""")
                    .setParameter("provider", delivery.provider)
                    .setParameter("external", externalId)
                    .setParameter("id", messageId)
                    .executeUpdate();
        }
        return delivery;
    }

    /** The reply a provider's message id belongs to. */
    @Transactional
    public Optional<OutboundDelivery> byExternalId(String provider, String externalId) {
        List<?> ids = entityManager.createNativeQuery(
                        "SELECT message_id FROM provider_message WHERE provider = :provider AND external_id = :external")
                .setParameter("provider", provider)
                .setParameter("external", externalId)
                .getResultList();
        return ids.isEmpty() ? Optional.empty()
                : Optional.ofNullable(entityManager.find(OutboundDelivery.class, (String) ids.get(0)));
    }

    /** Moves a reply forward on a provider's report (sent → delivered → read; failed at any point). */
    @Transactional
    public void advance(String messageId, State state, String reason) {
        OutboundDelivery delivery = entityManager.find(OutboundDelivery.class, messageId);
        if (state == State.FAILED || state.ordinal() > delivery.state.ordinal()) {
            delivery.state = state;
            delivery.reason = reason != null ? reason : delivery.reason;
            delivery.updatedAt = Instant.now();
        }
    }

    /** @return true the first time the provider reported {@code providerStatus} for {@code externalId} */
    @Transactional
    public boolean isNewStatus(String provider, String externalId, String providerStatus) {
        return entityManager.createNativeQuery(
                        "SELECT 1 FROM provider_status_seen WHERE provider = :p AND external_id = :e AND provider_status = :s")
                .setParameter("p", provider).setParameter("e", externalId).setParameter("s", providerStatus)
                .getResultList().isEmpty();
    }

    @Transactional
    public void recordStatus(String provider, String externalId, String providerStatus) {
        entityManager.createNativeQuery("""
                        INSERT INTO provider_status_seen (provider, external_id, provider_status, seen_at)
                        VALUES (:p, :e, :s, :at) ON CONFLICT DO NOTHING""")
                .setParameter("p", provider).setParameter("e", externalId).setParameter("s", providerStatus)
                .setParameter("at", Instant.now())
                .executeUpdate();
    }
}
