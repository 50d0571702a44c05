package io.omnichannel.gateway.conversation.repository;

import io.omnichannel.gateway.conversation.domain.CustomerNote;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CustomerNoteRepository implements PanacheRepositoryBase<CustomerNote, UUID> {

    /** The customer's latest {@code limit} notes, newest first. */
    public List<CustomerNote> latest(UUID customerId, int limit) {
        return find("customerId = ?1 order by createdAt desc, id desc", customerId).range(0, limit - 1).list();
    }

    public void moveAll(UUID from, UUID to) {
        update("customerId = ?1 where customerId = ?2", to, from);
    }
}
