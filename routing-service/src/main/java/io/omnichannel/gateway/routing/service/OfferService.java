package io.omnichannel.gateway.routing.service;

import io.omnichannel.gateway.contract.RoutingEventType;
import io.omnichannel.gateway.routing.domain.WorkItem;
import io.omnichannel.gateway.routing.domain.WorkItemStatus;
import io.omnichannel.gateway.routing.repository.WorkItemRepository;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Offers: accepted → assigned; rejected or expired → back in the queue with its original due time,
 * and that agent is not offered it again.
 */
@ApplicationScoped
public class OfferService {

    private final WorkItemRepository workItems;
    private final RoutingEventOutbox events;
    private final Event<Dispatcher.WorkChanged> workChanged;
    private final Clock clock = Clock.systemUTC();

    OfferService(WorkItemRepository workItems, RoutingEventOutbox events, Event<Dispatcher.WorkChanged> workChanged) {
        this.workItems = workItems;
        this.events = events;
        this.workChanged = workChanged;
    }

    @Transactional
    public WorkItem accept(String agentId, UUID workItemId) {
        WorkItem item = offeredTo(agentId, workItemId);
        Instant now = clock.instant();
        item.accept(now);
        events.record(RoutingEventType.ASSIGNED, item, now);
        Log.infof("agent %s accepted %s", agentId, item.conversationKey);
        return item;
    }

    @Transactional
    public WorkItem reject(String agentId, UUID workItemId) {
        WorkItem item = offeredTo(agentId, workItemId);
        returnToQueue(item, agentId, "rejected by");
        return item;
    }

    @Transactional
    public List<WorkItem> pendingOffers(String agentId) {
        return workItems.offeredTo(agentId);
    }

    /** Offers past their time go back to the queue. */
    @Transactional
    public void expireOffers() {
        for (WorkItem item : workItems.lockExpiredOffers(clock.instant(), 200)) {
            returnToQueue(item, item.assignedAgentId, "offer expired for");
        }
    }

    /** Puts an offered or assigned item back in the queue, excluding {@code excluded} (may be null). */
    void returnToQueue(WorkItem item, String excluded, String why) {
        String agent = item.assignedAgentId;
        item.requeue(excluded);
        events.record(RoutingEventType.REROUTED, item, clock.instant());
        workChanged.fire(new Dispatcher.WorkChanged(agent));
        Log.infof("%s back in the queue: %s %s", item.conversationKey, why, agent);
    }

    private WorkItem offeredTo(String agentId, UUID workItemId) {
        WorkItem item = workItems.lock(workItemId)
                .orElseThrow(() -> new NotFoundException("no work item '" + workItemId + "'"));
        if (item.status != WorkItemStatus.OFFERED || !agentId.equals(item.assignedAgentId)) {
            throw new ConflictException("work item " + workItemId + " is not offered to agent " + agentId
                    + " (it is " + item.status.name().toLowerCase() + "); the offer may have expired");
        }
        return item;
    }
}
