package io.omnichannel.gateway.conversation.repository;

import io.omnichannel.gateway.conversation.domain.Customer;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

    /** The customer {@code id} names, following merges to the customer it became. */
    public Optional<Customer> findCurrent(UUID id) {
        Optional<Customer> customer = findByIdOptional(id);
        for (int hops = 0; customer.isPresent() && customer.get().mergedInto() != null && hops < 10; hops++) {
            customer = findByIdOptional(customer.get().mergedInto());
        }
        return customer;
    }

    /** Serializes the changes to one identity (finding or creating it and its customer) until the transaction ends. */
    public void lock(String name) {
        getEntityManager().createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(:name, 0))")
                .setParameter("name", name)
                // a lock reads no table: no need to write (and dirty-check) the pending changes before it
                .setFlushMode(FlushModeType.COMMIT)
                .getSingleResult();
    }
}
