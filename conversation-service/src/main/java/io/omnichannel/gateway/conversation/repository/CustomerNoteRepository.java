package io.omnichannel.gateway.conversation.repository;

import io.omnichannel.gateway.conversation.domain.CustomerNote;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import io.omnichannel.gateway.conversation.domain.NoteCursor;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CustomerNoteRepository implements PanacheRepositoryBase<CustomerNote, UUID> {

    /** Up to {@code size} of the customer's notes, newest first, after {@code after} when given. */
    public List<CustomerNote> page(UUID customerId, Optional<NoteCursor> after, int size) {
        if (after.isEmpty()) {
            return find("customerId = ?1 order by createdAt desc, id desc", customerId).range(0, size - 1).list();
        }
        return find("customerId = ?1 and (createdAt < ?2 or (createdAt = ?2 and id < ?3)) order by createdAt desc, id desc",
                customerId, after.get().at(), after.get().id()).range(0, size - 1).list();
    }

    public void moveAll(UUID from, UUID to) {
        update("customerId = ?1 where customerId = ?2", to, from);
    }
}
