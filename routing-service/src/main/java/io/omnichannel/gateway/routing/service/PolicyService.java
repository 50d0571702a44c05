package io.omnichannel.gateway.routing.service;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.routing.config.RoutingConfig;
import io.omnichannel.gateway.routing.domain.BusinessCalendar;
import io.omnichannel.gateway.routing.domain.BusinessHours;
import io.omnichannel.gateway.routing.domain.InboxRouting;
import io.omnichannel.gateway.routing.domain.Priority;
import io.omnichannel.gateway.routing.domain.ResponsePolicy;
import io.omnichannel.gateway.routing.domain.WorkItem;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Response targets and deadlines. A target is looked up most specific first: (channel, inbox,
 * priority), (channel, *, priority), (channel, inbox, *), (channel, *, *) scaled by the priority, then
 * the configured default scaled by the priority. Under an inbox's business calendar the clock only
 * runs while the business is open.
 */
@ApplicationScoped
public class PolicyService {

    private final PolicyLookups lookups;
    private final RoutingConfig config;

    PolicyService(PolicyLookups lookups, RoutingConfig config) {
        this.lookups = lookups;
        this.config = config;
    }

    public Duration target(Channel channel, String inbox, Priority priority) {
        for (String[] match : List.of(new String[] {inbox, priority.name()}, new String[] {ResponsePolicy.ANY, priority.name()})) {
            Optional<ResponsePolicy> exact = policy(channel, match[0], match[1]);
            if (exact.isPresent()) {
                return Duration.ofSeconds(exact.get().targetSeconds);
            }
        }
        Duration base = policy(channel, inbox, ResponsePolicy.ANY)
                .or(() -> policy(channel, ResponsePolicy.ANY, ResponsePolicy.ANY))
                .map(p -> Duration.ofSeconds(p.targetSeconds))
                .orElse(config.responseTargets().of(channel));
        return Duration.ofMillis(Math.round(base.toMillis() * priority.targetFactor));
    }

    /** Starts the item's response clock at {@code start}: due and warning times from its channel, inbox and priority. */
    public void startClock(WorkItem item, Instant start) {
        item.clockStartedAt = start;
        item.awaitingResponse = true;
        recomputeDeadlines(item);
    }

    /**
     * The target of the item's running clock: the response target, or for a next-response clock (the
     * customer wrote again after an agent's answer) {@code routing.next-response-targets.<channel>}
     * scaled by the priority, when configured.
     */
    Duration clockTarget(WorkItem item) {
        Duration nextResponse = item.firstResponseAt == null ? null : config.nextResponseTargets().get(item.channel);
        return nextResponse == null ? target(item.channel, item.inbox, item.priority)
                : Duration.ofMillis(Math.round(nextResponse.toMillis() * item.priority.targetFactor));
    }

    /** Due and warning times again, e.g. after a priority change; the clock's start is kept. */
    public void recomputeDeadlines(WorkItem item) {
        Duration target = clockTarget(item);
        Duration warning = Duration.ofMillis(Math.round(target.toMillis() * config.warnFraction()));
        Optional<BusinessHours> hours = calendarOf(item.inbox);
        item.dueAt = hours.map(h -> h.plus(item.clockStartedAt, target)).orElse(item.clockStartedAt.plus(target));
        item.warnAt = hours.map(h -> h.plus(item.clockStartedAt, warning)).orElse(item.clockStartedAt.plus(warning));
    }

    /**
     * Escalation: the priority goes one step up and the time left until the due time shrinks in the
     * proportion of the two priorities' targets (normal to high halves it), counted in business time
     * under a calendar. So the item moves ahead of work that is due later, without its due time jumping
     * into the past as a full recomputation from the clock's start would do.
     */
    public void raisePriority(WorkItem item, Instant now) {
        Priority old = item.priority;
        Priority raised = old.raised();
        if (raised == old) {
            return;
        }
        Duration oldTarget = target(item.channel, item.inbox, old);
        Duration newTarget = target(item.channel, item.inbox, raised);
        item.priority = raised;
        if (!item.dueAt.isAfter(now) || newTarget.compareTo(oldTarget) >= 0) {
            return;
        }
        Optional<BusinessHours> hours = calendarOf(item.inbox);
        Duration left = hours.map(h -> h.between(now, item.dueAt)).orElse(Duration.between(now, item.dueAt));
        Duration shorter = Duration.ofMillis(Math.round(left.toMillis() * (newTarget.toMillis() / (double) oldTarget.toMillis())));
        item.dueAt = hours.map(h -> h.plus(now, shorter)).orElse(now.plus(shorter));
    }

    public Optional<InboxRouting> inboxRouting(String inbox) {
        return lookups.find(InboxRouting.class, inbox);
    }

    private Optional<BusinessHours> calendarOf(String inbox) {
        return inboxRouting(inbox).map(rules -> rules.calendarId)
                .flatMap(id -> lookups.find(BusinessCalendar.class, id))
                .map(BusinessCalendar::hours);
    }

    private Optional<ResponsePolicy> policy(Channel channel, String inbox, String priority) {
        return lookups.find(ResponsePolicy.class, new ResponsePolicy.Key(channel.name(), inbox, priority));
    }
}
