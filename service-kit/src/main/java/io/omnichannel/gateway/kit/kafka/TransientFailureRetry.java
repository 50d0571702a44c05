package io.omnichannel.gateway.kit.kafka;

import io.omnichannel.gateway.contract.MalformedEventException;
import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * How consumers treat failures: an event that breaks the contract goes to the dead-letter topic at
 * once (its exception propagates); anything else (database restarting, lock timeout) is retried with
 * backoff for a while before the event is given up to the dead-letter topic with its reason.
 */
public final class TransientFailureRetry {

    private static final int ATTEMPTS = 8;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private TransientFailureRetry() {
    }

    public static void run(String what, Runnable handler) {
        call(what, () -> {
            handler.run();
            return null;
        });
    }

    public static <T> T call(String what, Supplier<T> handler) {
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            try {
                return handler.get();
            } catch (MalformedEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                Log.warnf("%s failed (attempt %d of %d), retrying in %d ms: %s", what, attempt, ATTEMPTS,
                        backoff.toMillis(), e.getMessage());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", e);
        }
    }
}
