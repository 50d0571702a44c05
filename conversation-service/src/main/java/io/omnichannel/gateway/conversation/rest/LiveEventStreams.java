package io.omnichannel.gateway.conversation.rest;

import io.omnichannel.gateway.conversation.config.ConversationConfig;
import io.omnichannel.gateway.conversation.repository.AgentEventRepository;
import io.omnichannel.gateway.conversation.repository.AgentEventRepository.StoredEvent;
import io.omnichannel.gateway.conversation.service.LiveEvents;
import io.omnichannel.gateway.kit.concurrent.CoalescingTrigger;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The open Server-Sent Events streams of agents' desktops. Events are read from the agents' stored
 * streams (see {@link AgentEventRepository}), so a stream carries exactly what was committed, in
 * order, and a desktop that reconnects with Last-Event-ID gets what it missed. Streams are fed right
 * after a commit in this instance, and every poll interval for what other instances wrote.
 */
@ApplicationScoped
public class LiveEventStreams {

    /** Event sent first on every stream (no id): the stream is open and where it starts. */
    public static final String CONNECTED = "connected";
    /** Sent after {@link #CONNECTED} when events after the client's Last-Event-ID were already forgotten. */
    public static final String RESYNC = "resync";

    private static final int BATCH = 200;

    private final AgentEventRepository events;
    private final Duration heartbeat;
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final CoalescingTrigger trigger;

    LiveEventStreams(AgentEventRepository events, ConversationConfig config) {
        this.events = events;
        this.heartbeat = config.liveEvents().heartbeat();
        this.trigger = new CoalescingTrigger("live event streams", this::feedAll);
    }

    private static final class Stream {
        final String agentId;
        final SseEventSink sink;
        final Sse sse;
        long cursor;
        Instant lastSent = Instant.now();

        Stream(String agentId, SseEventSink sink, Sse sse, long cursor) {
            this.agentId = agentId;
            this.sink = sink;
            this.sse = sse;
            this.cursor = cursor;
        }
    }

    /**
     * Opens a stream for {@code agentId}: from after {@code lastEventId} when the client resumes, else
     * from now on.
     */
    public void open(String agentId, Optional<Long> lastEventId, SseEventSink sink, Sse sse) {
        long last = QuarkusTransaction.requiringNew().call(() -> events.lastSeq(agentId).orElse(0L));
        long start = lastEventId.map(id -> Math.min(id, last)).orElse(last);
        boolean gap = lastEventId.isPresent() && QuarkusTransaction.requiringNew()
                .call(() -> events.firstKeptSeq(agentId)).map(first -> first > start + 1).orElse(start < last);
        Stream stream = new Stream(agentId, sink, sse, start);
        send(stream, sse.newEventBuilder().name(CONNECTED).mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(String.class, "{\"agentId\":\"" + agentId.replace("\"", "") + "\",\"lastEventId\":" + start + "}")
                .build());
        if (gap) {
            send(stream, sse.newEventBuilder().name(RESYNC).mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(String.class, "{\"reason\":\"events after " + start + " are no longer kept; reload your lists\"}")
                    .build());
        }
        streams.add(stream);
        Log.debugf("live stream of %s opened after event %d", agentId, start);
        trigger.fire();
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) LiveEvents.Written written) {
        trigger.fire();
    }

    @Scheduled(every = "${conversation.live-events.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!streams.isEmpty()) {
            trigger.fire();
        }
    }

    @PreDestroy
    void stop() {
        trigger.close();
        streams.forEach(stream -> stream.sink.close());
        streams.clear();
    }

    /** How many streams are open (for metrics and tests). */
    public int openStreams() {
        return streams.size();
    }

    private void feedAll() {
        for (Stream stream : streams) {
            if (stream.sink.isClosed()) {
                streams.remove(stream);
                continue;
            }
            try {
                feed(stream);
            } catch (RuntimeException e) {
                Log.debugf("live stream of %s ended: %s", stream.agentId, e.getMessage());
                streams.remove(stream);
                stream.sink.close();
            }
        }
    }

    private void feed(Stream stream) {
        List<StoredEvent> batch;
        do {
            long after = stream.cursor;
            batch = QuarkusTransaction.requiringNew().call(() -> events.after(stream.agentId, after, BATCH));
            for (StoredEvent event : batch) {
                send(stream, stream.sse.newEventBuilder().id(Long.toString(event.seq())).name(event.type())
                        .mediaType(MediaType.APPLICATION_JSON_TYPE).data(String.class, event.data()).build());
                stream.cursor = event.seq();
            }
        } while (batch.size() == BATCH);
        if (Duration.between(stream.lastSent, Instant.now()).compareTo(heartbeat) >= 0) {
            send(stream, stream.sse.newEventBuilder().comment("keep-alive").build());
        }
    }

    private static void send(Stream stream, OutboundSseEvent event) {
        try {
            stream.sink.send(event).toCompletableFuture().get(10, TimeUnit.SECONDS);
            stream.lastSent = Instant.now();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("the client is gone: " + e.getMessage(), e);
        }
    }
}
