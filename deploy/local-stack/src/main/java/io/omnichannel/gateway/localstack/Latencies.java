package io.omnichannel.gateway.localstack;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** Latencies of one benchmark run in nanoseconds: thread-safe recording, percentiles afterwards. */
public final class Latencies {

    private final long[] values;
    private final AtomicInteger count = new AtomicInteger();

    public Latencies(int capacity) {
        values = new long[capacity];
    }

    public void record(long nanos) {
        int i = count.getAndIncrement();
        if (i < values.length) {
            values[i] = nanos;
        }
    }

    public int count() {
        return Math.min(count.get(), values.length);
    }

    /** The {@code p}-th percentile in milliseconds (p in 0..100); NaN without values. */
    public double percentileMillis(double p) {
        int n = count();
        if (n == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * n) - 1;
        return sorted[Math.max(0, Math.min(n - 1, index))] / 1_000_000.0;
    }
}
