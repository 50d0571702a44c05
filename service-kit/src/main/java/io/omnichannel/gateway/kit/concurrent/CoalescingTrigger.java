package io.omnichannel.gateway.kit.concurrent;

import io.quarkus.logging.Log;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a piece of work soon after it is asked for, never twice at once, and never misses a request:
 * requests that arrive while it runs make it run once more. Used to wake a dispatcher or an outbox
 * relay right after a commit instead of waiting for its next scheduled pass.
 *
 * <p>The work runs on a thread of its own that carries no context of the caller: a trigger fired
 * from a transaction's completion must not run inside that finished transaction.
 */
public final class CoalescingTrigger implements AutoCloseable {

    private final String name;
    private final Runnable work;
    private final ExecutorService executor;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();

    public CoalescingTrigger(String name, Runnable work) {
        this.name = name;
        this.work = work;
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Asks for a run; returns at once. */
    public void fire() {
        requested.set(true);
        if (!executor.isShutdown()) {
            executor.execute(this::drain);
        }
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
            fire();
        }
    }

    /** Stops taking requests and waits briefly for a run under way. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
