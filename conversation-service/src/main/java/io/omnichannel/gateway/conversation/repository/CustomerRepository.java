package io.omnichannel.gateway.conversation.repository;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.conversation.domain.Customer;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

    public Optional<Customer> findByHandle(Channel channel, String handle) {
        return find("channel = ?1 and handle = ?2", channel, handle).singleResultOptional();
    }

    /**
     * The customer with {@code handle} on {@code channel}, created on first contact. Two consumers
     * meeting a new customer at once both end up with the one row: the later insert waits for the
     * earlier transaction and then does nothing.
     */
    public Customer findOrCreate(Channel channel, String handle, Instant now) {
        return findByHandle(channel, handle).orElseGet(() -> {
            getEntityManager().createNativeQuery("""
                            INSERT INTO customer (id, channel, handle, first_contact_at)
                            VALUES (:id, :channel, :handle, :now)
                            ON CONFLICT (channel, handle) DO NOTHING""")
                    .setParameter("id", UUID.randomUUID())
                    .setParameter("channel", channel.wireName())
                    .setParameter("handle", handle)
                    .setParameter("now", now)
                    .executeUpdate();
            return findByHandle(channel, handle).orElseThrow();
        });
    }
}
