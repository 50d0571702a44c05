package io.omnichannel.gateway.conversation.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Collected latencies (microseconds) and their percentiles. */
final class Latencies {

    private final List<Long> micros = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong errors = new AtomicLong();

    void add(long latencyMicros) {
        micros.add(latencyMicros);
    }

    void error() {
        errors.incrementAndGet();
    }

    long count() {
        return micros.size();
    }

    long errors() {
        return errors.get();
    }

    long percentileMicros(int percentile) {
        List<Long> sorted = sorted();
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    long maxMicros() {
        List<Long> sorted = sorted();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1);
    }

    private List<Long> sorted() {
        List<Long> copy;
        synchronized (micros) {
            copy = new ArrayList<>(micros);
        }
        Collections.sort(copy);
        return copy;
    }

    /** Lags in milliseconds. */
    static final class Millis {
        private final List<Long> values = new ArrayList<>();

        void add(long millis) {
            values.add(millis);
        }

        long percentile(int percentile) {
            List<Long> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
        }

        long max() {
            return values.stream().mapToLong(Long::longValue).max().orElse(-1);
        }
    }
}
