package io.omnichannel.gateway.adapters.phone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Ties the SMS provider's message ids of a reply to a call to the reply, so that the SMS provider's
 * status callbacks (delivered, failed) find it and become its receipts.
 */
@ApplicationScoped
public class ReplyLinks {

    private final EntityManager entityManager;

    ReplyLinks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public void link(String provider, List<String> externalIds, String messageId) {
        for (String externalId : externalIds) {
            entityManager.createNativeQuery("""
                            INSERT INTO provider_message (provider, external_id, message_id) VALUES (:provider, :external, :id)
                            ON CONFLICT DO NOTHING""")
                    .setParameter("provider", provider)
                    .setParameter("external", externalId)
                    .setParameter("id", messageId)
                    .executeUpdate();
        }
    }
}
