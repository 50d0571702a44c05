package io.omnichannel.gateway.conversation.repository;

import io.omnichannel.gateway.conversation.domain.Message;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.Collections;
import io.omnichannel.gateway.conversation.domain.TimelineCursor;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class MessageRepository implements PanacheRepositoryBase<Message, String> {

    /**
     * The conversation's latest {@code limit} messages that reached us before {@code before} (all when
     * absent), in the order they reached us.
     */
    public List<Message> latestOfConversation(UUID conversationId, Optional<TimelineCursor> before, int limit) {
        var query = before.isEmpty()
                ? find("conversationId = ?1 order by receivedAt desc, seq desc", conversationId)
                : find("conversationId = ?1 and (receivedAt < ?2 or (receivedAt = ?2 and seq < ?3)) "
                        + "order by receivedAt desc, seq desc", conversationId, before.get().at(), before.get().seq());
        List<Message> latest = new ArrayList<>(query.range(0, limit - 1).list());
        Collections.reverse(latest);
        return latest;
    }

    /** The reply an earlier request with the same Idempotency-Key created. */
    public Optional<Message> findByIdempotencyKey(UUID conversationId, String key) {
        return find("conversationId = ?1 and idempotencyKey = ?2", conversationId, key).singleResultOptional();
    }

    public Optional<Message> findForUpdate(String id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).singleResultOptional();
    }
}
