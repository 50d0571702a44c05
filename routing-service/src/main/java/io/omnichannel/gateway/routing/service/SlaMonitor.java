package io.omnichannel.gateway.routing.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.omnichannel.gateway.contract.RoutingEventType;
import io.omnichannel.gateway.routing.domain.SlaState;
import io.omnichannel.gateway.routing.domain.WorkItem;
import io.omnichannel.gateway.routing.domain.WorkItemStatus;
import io.omnichannel.gateway.routing.repository.WorkItemRepository;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Watches running response clocks continuously (every dispatch interval, not in a batch job). At the
 * warning time: {@code sla-warning}, priority raised one step (which brings the due time closer,
 * see {@link PolicyService#raisePriority}), optional skills dropped and the inbox team's overflow
 * team allowed; at the due time: {@code sla-breached}. Both are counted in
 * {@code gateway_routing_sla_total{channel,state}}. Deadlines already skip closed business hours, so
 * nothing fires off-hours; a resolved or answered conversation has no running clock.
 */
@ApplicationScoped
public class SlaMonitor {

    private final WorkItemRepository workItems;
    private final PolicyService policies;
    private final RoutingEventOutbox events;
    private final MeterRegistry metrics;
    private final Event<Dispatcher.WorkChanged> workChanged;
    private final Clock clock = Clock.systemUTC();

    SlaMonitor(WorkItemRepository workItems, PolicyService policies, RoutingEventOutbox events, MeterRegistry metrics,
            Event<Dispatcher.WorkChanged> workChanged) {
        this.workItems = workItems;
        this.policies = policies;
        this.events = events;
        this.metrics = metrics;
        this.workChanged = workChanged;
    }

    @Transactional
    public void escalateDueClocks() {
        Instant now = clock.instant();
        for (WorkItem item : workItems.lockClocksToEscalate(now, 500)) {
            if (item.slaState == SlaState.OK) {
                warn(item, now);
            }
            if (!item.dueAt.isAfter(now)) {
                breach(item, now);
            }
        }
    }

    private void warn(WorkItem item, Instant now) {
        item.slaState = SlaState.WARNING;
        policies.raisePriority(item, now);
        events.record(RoutingEventType.SLA_WARNING, item, now);
        count(item, "warning");
        if (item.status == WorkItemStatus.WAITING) {
            workChanged.fire(Dispatcher.WorkChanged.waitingWork());
        }
        Log.warnf("SLA warning: %s due %s", item.conversationKey, item.dueAt);
    }

    private void breach(WorkItem item, Instant now) {
        item.slaState = SlaState.BREACHED;
        events.record(RoutingEventType.SLA_BREACHED, item, now);
        count(item, "breached");
        Log.warnf("SLA breached: %s was due %s", item.conversationKey, item.dueAt);
    }

    private void count(WorkItem item, String state) {
        metrics.counter("gateway.routing.sla", "channel", item.channel.wireName(), "state", state).increment();
    }
}
