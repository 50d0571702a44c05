package io.omnichannel.gateway.routing.service;

import io.omnichannel.gateway.kit.concurrent.CoalescingTrigger;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Drives the router: right after a commit that may allow an assignment (new work, an agent coming
 * online or freeing a slot), and on a schedule for expired offers, SLA clocks and changes made by
 * other instances. One pass at a time per instance; several instances are safe because every
 * change happens under row locks.
 */
@ApplicationScoped
public class Dispatcher {

    /** Fired in a transaction that may make an assignment possible. */
    public record WorkChanged() {
    }

    private final AssignmentService assignments;
    private final OfferService offers;
    private final SlaMonitor sla;
    private final CoalescingTrigger trigger;

    Dispatcher(AssignmentService assignments, OfferService offers, SlaMonitor sla) {
        this.assignments = assignments;
        this.offers = offers;
        this.sla = sla;
        this.trigger = new CoalescingTrigger("dispatch", this::dispatch);
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) WorkChanged change) {
        trigger.fire();
    }

    @Scheduled(every = "${routing.dispatch-interval:PT1S}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPass() {
        offers.expireOffers();
        sla.escalateDueClocks();
        trigger.runNow();
    }

    @PreDestroy
    void stop() {
        trigger.close();
    }

    private void dispatch() {
        while (assignments.assignWaiting() > 0) {
            // something was assigned: look again, the queue may hold more that fits
        }
    }
}
