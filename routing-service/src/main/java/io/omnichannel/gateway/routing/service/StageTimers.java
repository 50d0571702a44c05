package io.omnichannel.gateway.routing.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * How long each stage between an inbound message and its published decision takes, as
 * {@code gateway_routing_stage_duration_seconds{stage}} (with histogram buckets, so that percentiles can be
 * computed): {@code fetch} an inbound event's time on the topic (from its record's timestamp until the service
 * starts queueing its poll), {@code queue} a poll of inbound events queued and committed, {@code assign} one assignment
 * pass committed, {@code publish} one outbox batch sent, acknowledged and deleted.
 */
@ApplicationScoped
public class StageTimers {

    private final Timer fetch;
    private final Timer queue;
    private final Timer assign;
    private final Timer publish;

    StageTimers(MeterRegistry registry) {
        fetch = timer(registry, "fetch");
        queue = timer(registry, "queue");
        assign = timer(registry, "assign");
        publish = timer(registry, "publish");
    }

    /** An inbound record written at {@code writtenAtMillis} (its timestamp) is being queued now. */
    public void fetched(long writtenAtMillis) {
        fetch.record(Math.max(0, System.currentTimeMillis() - writtenAtMillis), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    public void queue(Runnable stage) {
        queue.record(stage);
    }

    public <T> T assign(Supplier<T> stage) {
        return assign.record(stage);
    }

    public <T> T publish(Supplier<T> stage) {
        return publish.record(stage);
    }

    private static Timer timer(MeterRegistry registry, String stage) {
        return Timer.builder("gateway.routing.stage.duration").tag("stage", stage)
                .description("time of one run of a routing stage, its commit included").publishPercentileHistogram()
                .register(registry);
    }
}
