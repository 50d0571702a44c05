package io.omnichannel.gateway.adapters.publish;

import io.omnichannel.gateway.adapters.config.AdaptersConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The message ids this instance published recently, to drop providers' retries before they reach
 * Kafka. A publish in flight is shared by its retries; a failed one is forgotten so the next retry
 * publishes. Consumers still de-duplicate by message id, which covers restarts and other instances.
 */
@ApplicationScoped
public class RecentMessageIds {

    private record Entry(CompletableFuture<Void> publish, Instant claimedAt) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Duration window;
    private final int maxEntries;
    private final Clock clock;

    @Inject
    RecentMessageIds(AdaptersConfig config) {
        this(config.dedup().window(), config.dedup().maxEntries(), Clock.systemUTC());
    }

    RecentMessageIds(Duration window, int maxEntries, Clock clock) {
        this.window = window;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /**
     * Claims {@code id} for {@code publish}.
     *
     * @return null when the caller should publish; else the earlier publish of the same id
     */
    public synchronized CompletableFuture<Void> claim(String id, CompletableFuture<Void> publish) {
        Instant now = clock.instant();
        evictExpired(now);
        Entry earlier = entries.get(id);
        if (earlier != null) {
            return earlier.publish();
        }
        entries.put(id, new Entry(publish, now));
        if (entries.size() > maxEntries) {
            Iterator<String> oldest = entries.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return null;
    }

    /** Forgets a failed publish so that the provider's retry is published. */
    public synchronized void release(String id, CompletableFuture<Void> publish) {
        Entry entry = entries.get(id);
        if (entry != null && entry.publish() == publish) {
            entries.remove(id);
        }
    }

    private void evictExpired(Instant now) {
        Iterator<Entry> oldestFirst = entries.values().iterator();
        while (oldestFirst.hasNext()) {
            Entry entry = oldestFirst.next();
            if (Duration.between(entry.claimedAt(), now).compareTo(window) <= 0) {
                return;
            }
            oldestFirst.remove();
        }
    }
}
