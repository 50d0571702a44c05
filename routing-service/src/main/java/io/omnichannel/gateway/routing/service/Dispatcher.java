package io.omnichannel.gateway.routing.service;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.kit.concurrent.CoalescingTrigger;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Drives assignment: right after a commit that added waiting work or freed an agent, and on a
 * schedule for changes made by other instances. Runs one pass at a time per instance; several
 * instances are safe because every assignment happens under row locks (see {@link AssignmentService}).
 */
@ApplicationScoped
public class Dispatcher {

    /** Fired in a transaction that may make an assignment possible. */
    public record WorkChanged() {
    }

    private final AssignmentService assignments;
    private final CoalescingTrigger trigger;

    Dispatcher(AssignmentService assignments) {
        this.assignments = assignments;
        this.trigger = new CoalescingTrigger("dispatch", this::dispatchAll);
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) WorkChanged change) {
        trigger.fire();
    }

    @PreDestroy
    void stop() {
        trigger.close();
    }

    @Scheduled(every = "${routing.dispatch-interval:PT1S}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPass() {
        trigger.runNow();
    }

    private void dispatchAll() {
        for (Channel channel : Channel.values()) {
            while (assignments.assignNextBatch(channel) == AssignmentService.BATCH_SIZE) {
                // a full batch was assigned: there may be more
            }
        }
    }
}
