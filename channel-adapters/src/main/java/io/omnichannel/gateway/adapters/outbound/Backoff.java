package io.omnichannel.gateway.adapters.outbound;

import io.omnichannel.gateway.adapters.config.AdaptersConfig;
import java.time.Duration;

/** Exponential backoff between delivery attempts: initial, doubled each time, capped. */
record Backoff(int maxAttempts, Duration initial, Duration max) {

    static Backoff of(AdaptersConfig.Outbound config) {
        return new Backoff(Math.max(1, config.maxAttempts()), config.initialBackoff(), config.maxBackoff());
    }

    /** The wait after attempt {@code attempt} (1-based) failed. */
    Duration after(int attempt) {
        Duration wait = initial;
        for (int i = 1; i < attempt && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
