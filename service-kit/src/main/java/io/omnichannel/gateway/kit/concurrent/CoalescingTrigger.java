package io.omnichannel.gateway.kit.concurrent;

import io.quarkus.logging.Log;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a piece of work soon after it is asked for, never twice at once, and never misses a request:
 * requests that arrive while it runs make it run once more. Used to wake a dispatcher or an outbox
 * relay right after a commit instead of waiting for its next scheduled pass.
 */
public final class CoalescingTrigger {

    private final String name;
    private final Runnable work;
    private final Executor executor;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();

    public CoalescingTrigger(String name, Runnable work, Executor executor) {
        this.name = name;
        this.work = work;
        this.executor = executor;
    }

    /** Asks for a run; returns at once. */
    public void fire() {
        requested.set(true);
        executor.execute(this::drain);
    }

    /** Runs in the caller's thread if no run is under way (for scheduled passes). */
    public void runNow() {
        requested.set(true);
        drain();
    }

    private void drain() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            while (requested.getAndSet(false)) {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    Log.warnf(e, "%s failed; the next request or scheduled pass retries", name);
                }
            }
        } finally {
            running.set(false);
        }
        if (requested.get()) {
            executor.execute(this::drain);
        }
    }
}
