package io.omnichannel.gateway.adapters.chat;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code perSecond} frames a second on average, up to {@code burst} at once. Each
 * socket session has one; the REST fallback has one per visitor.
 */
final class FrameRate {

    private final double perNano;
    private final int burst;
    private final LongSupplier nanoClock;
    private double tokens;
    private long last;

    FrameRate(int perSecond, int burst, LongSupplier nanoClock) {
        this.perNano = perSecond / 1e9;
        this.burst = Math.max(1, burst);
        this.nanoClock = nanoClock;
        this.tokens = this.burst;
        this.last = nanoClock.getAsLong();
    }

    FrameRate(int perSecond, int burst) {
        this(perSecond, burst, System::nanoTime);
    }

    /** @return true when the frame is within the rate (and counted), false when it must be refused */
    synchronized boolean tryAcquire() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    /** Full again: the visitor has been quiet long enough that the bucket can be forgotten. */
    synchronized boolean isIdle() {
        return tokens + (nanoClock.getAsLong() - last) * perNano >= burst;
    }
}
