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
import jakarta.persistence.EntityManager;
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

    private final EntityManager entityManager;
    private final RoutingConfig config;

    PolicyService(EntityManager entityManager, RoutingConfig config) {
        this.entityManager = entityManager;
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

    /** Due and warning times again, e.g. after a priority change; the clock's start is kept. */
    public void recomputeDeadlines(WorkItem item) {
        Duration target = target(item.channel, item.inbox, item.priority);
        Duration warning = Duration.ofMillis(Math.round(target.toMillis() * config.warnFraction()));
        Optional<BusinessHours> hours = calendarOf(item.inbox);
        item.dueAt = hours.map(h -> h.plus(item.clockStartedAt, target)).orElse(item.clockStartedAt.plus(target));
        item.warnAt = hours.map(h -> h.plus(item.clockStartedAt, warning)).orElse(item.clockStartedAt.plus(warning));
    }

    public Optional<InboxRouting> inboxRouting(String inbox) {
        return Optional.ofNullable(entityManager.find(InboxRouting.class, inbox));
    }

    private Optional<BusinessHours> calendarOf(String inbox) {
        return inboxRouting(inbox).map(rules -> rules.calendarId)
                .map(id -> entityManager.find(BusinessCalendar.class, id))
                .map(BusinessCalendar::hours);
    }

    private Optional<ResponsePolicy> policy(Channel channel, String inbox, String priority) {
        return Optional.ofNullable(entityManager.find(ResponsePolicy.class,
                new ResponsePolicy.Key(channel.name(), inbox, priority)));
    }
}
