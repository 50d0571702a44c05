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

    /**
     * Fired in a transaction that may make an assignment possible.
     *
     * @param agentId the agent whose held work or profile changed (a slot freed or filled), or null when only
     *        waiting work changed
     */
    public record WorkChanged(String agentId) {

        /** Waiting work changed: new, back in the queue without a holder, or reprioritized. */
        public static WorkChanged waitingWork() {
            return new WorkChanged(null);
        }
    }

    /** Fired in a transaction that changed an agent's profile or presence, or removed the agent. */
    public record AgentChanged(String agentId) {
    }

    private final AssignmentService assignments;
    private final OfferService offers;
    private final SlaMonitor sla;
    private final AgentLoads loads;
    private final OnlineAgents online;
    private final StageTimers stages;
    private final CoalescingTrigger trigger;

    Dispatcher(AssignmentService assignments, OfferService offers, SlaMonitor sla, AgentLoads loads, OnlineAgents online,
            StageTimers stages) {
        this.assignments = assignments;
        this.offers = offers;
        this.sla = sla;
        this.loads = loads;
        this.online = online;
        this.stages = stages;
        this.trigger = new CoalescingTrigger("dispatch", this::dispatch);
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) WorkChanged change) {
        // before the pass is asked for, so that the pass it starts counts the agent again
        if (change.agentId() != null) {
            loads.changed(change.agentId());
        }
        trigger.fire();
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) AgentChanged change) {
        // before the pass is asked for, so that the pass it starts sees the agent as committed
        online.readAgain();
        loads.changed(change.agentId());
        trigger.fire();
    }

    @Scheduled(every = "${routing.dispatch-interval:PT1S}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPass() {
        offers.expireOffers();
        sla.escalateDueClocks();
        // brings in what other instances changed
        loads.countAllAgain();
        online.readAgain();
        trigger.runNow();
    }

    @PreDestroy
    void stop() {
        trigger.close();
    }

    private void dispatch() {
        while (stages.assign(assignments::assignWaiting) > 0) {
            // something was assigned: look again, the queue may hold more that fits
        }
    }
}
