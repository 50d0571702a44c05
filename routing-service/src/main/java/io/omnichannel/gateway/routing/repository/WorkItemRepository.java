package io.omnichannel.gateway.routing.repository;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.routing.domain.WorkItem;
import io.omnichannel.gateway.routing.domain.WorkItemStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class WorkItemRepository implements PanacheRepositoryBase<WorkItem, UUID> {

    /** The conversation's waiting or assigned item, if it has one. */
    public Optional<WorkItem> findActive(String conversationKey) {
        return find("conversationKey = ?1 and status in ?2", conversationKey,
                List.of(WorkItemStatus.WAITING, WorkItemStatus.ASSIGNED)).firstResultOptional();
    }

    /**
     * The next waiting items of a channel in the router's order (earliest due first), locked; items another
     * instance is assigning right now are skipped rather than waited for.
     */
    @SuppressWarnings("unchecked")
    public List<WorkItem> lockNextWaiting(Channel channel, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM work_item WHERE status = 'WAITING' AND channel = :channel
                ORDER BY due_at, arrived_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
                """, WorkItem.class)
                .setParameter("channel", channel.name())
                .setParameter("limit", limit)
                .getResultList();
    }

    public List<WorkItem> waitingInOrder(int limit) {
        return find("status", Sort.by("dueAt").and("arrivedAt"), WorkItemStatus.WAITING).page(0, limit).list();
    }
}
