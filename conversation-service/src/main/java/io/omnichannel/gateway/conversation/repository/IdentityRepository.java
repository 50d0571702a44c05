package io.omnichannel.gateway.conversation.repository;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.conversation.domain.CustomerIdentity;
import io.omnichannel.gateway.conversation.domain.IdentityKind;
import io.omnichannel.gateway.conversation.domain.IdentityRef;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class IdentityRepository implements PanacheRepositoryBase<CustomerIdentity, UUID> {

    /** Where a customer can be written to on a channel: the handle, and the inbox and provider they last used. */
    public record ChannelUse(UUID identityId, String handle, String inbox, String provider) {
    }

    public Optional<CustomerIdentity> find(IdentityRef ref) {
        return find("kind = ?1 and value = ?2", ref.kind(), ref.value()).singleResultOptional();
    }

    public List<CustomerIdentity> listByCustomer(UUID customerId) {
        return list("customerId = ?1 order by createdAt, id", customerId);
    }

    public List<CustomerIdentity> listByCustomers(Collection<UUID> customerIds) {
        return customerIds.isEmpty() ? List.of() : list("customerId in ?1 order by createdAt, id", customerIds);
    }

    /** Records that {@code identity} wrote to {@code inbox} through {@code provider} on {@code channel}; the latest use wins. */
    public void used(UUID identityId, Channel channel, String handle, String inbox, String provider, Instant at) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO identity_channel (identity_id, channel, handle, inbox, provider, last_seen_at)
                        VALUES (:identity, :channel, :handle, :inbox, :provider, :at)
                        ON CONFLICT (identity_id, channel) DO UPDATE
                        SET handle = excluded.handle, inbox = excluded.inbox, provider = excluded.provider,
                            last_seen_at = excluded.last_seen_at
                        WHERE excluded.last_seen_at >= identity_channel.last_seen_at""")
                .setParameter("identity", identityId)
                .setParameter("channel", channel.wireName())
                .setParameter("handle", handle)
                .setParameter("inbox", inbox)
                .setParameter("provider", provider)
                .setParameter("at", at)
                .executeUpdate();
    }

    /** The most recent way {@code customerId} wrote to us on {@code channel}, among identities of {@code kinds}. */
    public Optional<ChannelUse> lastUse(UUID customerId, Channel channel, List<IdentityKind> kinds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        SELECT ic.identity_id, ic.handle, ic.inbox, ic.provider
                        FROM identity_channel ic JOIN customer_identity i ON i.id = ic.identity_id
                        WHERE i.customer_id = :customer AND ic.channel = :channel AND i.kind IN (:kinds)
                        ORDER BY ic.last_seen_at DESC
                        LIMIT 1""")
                .setParameter("customer", customerId)
                .setParameter("channel", channel.wireName())
                .setParameter("kinds", kinds.stream().map(IdentityKind::wireName).toList())
                .getResultList();
        return rows.stream().findFirst().map(row -> new ChannelUse((UUID) row[0], (String) row[1], (String) row[2],
                (String) row[3]));
    }
}
