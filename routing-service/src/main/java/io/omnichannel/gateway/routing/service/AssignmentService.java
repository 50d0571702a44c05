package io.omnichannel.gateway.routing.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.RoutingEventType;
import io.omnichannel.gateway.routing.domain.Agent;
import io.omnichannel.gateway.routing.domain.Presence;
import io.omnichannel.gateway.routing.domain.WorkItem;
import io.omnichannel.gateway.routing.repository.AgentRepository;
import io.omnichannel.gateway.routing.repository.WorkItemRepository;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Assigns waiting work of one channel, earliest due first, to ONLINE agents with a free slot on that
 * channel, least busy first. Capacity holds across instances: an agent is locked before its load is
 * counted, and a work item is locked before it is assigned.
 */
@ApplicationScoped
public class AssignmentService {

    static final int BATCH_SIZE = 50;
    private static final int CANDIDATES = 5;

    private final WorkItemRepository workItems;
    private final AgentRepository agents;
    private final RoutingEventOutbox events;
    private final MeterRegistry metrics;
    private final Clock clock = Clock.systemUTC();

    AssignmentService(WorkItemRepository workItems, AgentRepository agents, RoutingEventOutbox events,
            MeterRegistry metrics) {
        this.workItems = workItems;
        this.agents = agents;
        this.events = events;
        this.metrics = metrics;
    }

    /** @return how many items were assigned; fewer than {@link #BATCH_SIZE} means nothing more can be now */
    @Transactional
    public int assignNextBatch(Channel channel) {
        int assigned = 0;
        for (WorkItem item : workItems.lockNextWaiting(channel, BATCH_SIZE)) {
            Optional<Agent> agent = lockAgentWithFreeSlot(channel);
            if (agent.isEmpty()) {
                break;
            }
            Instant now = clock.instant();
            item.assignTo(agent.get(), now);
            agents.flush();
            events.record(RoutingEventType.ASSIGNED, item, now);
            assigned++;
            metrics.counter("gateway.routing.assignments", "channel", channel.wireName()).increment();
            metrics.timer("gateway.routing.queue.wait", "channel", channel.wireName())
                    .record(Duration.between(item.arrivedAt, now));
            Log.infof("assigned %s (work item %s) to agent %s", item.conversationKey, item.id, item.assignedAgentId);
        }
        return assigned;
    }

    private Optional<Agent> lockAgentWithFreeSlot(Channel channel) {
        for (String candidate : agents.candidatesFor(channel, CANDIDATES)) {
            Optional<Agent> locked = agents.lockIfFree(candidate);
            if (locked.isPresent() && hasFreeSlot(locked.get(), channel)) {
                return locked;
            }
        }
        return Optional.empty();
    }

    private boolean hasFreeSlot(Agent agent, Channel channel) {
        int capacity = agent.capacities.getOrDefault(channel, 0);
        return agent.presence == Presence.ONLINE && agents.activeAssignments(agent.id, channel) < capacity;
    }
}
