package io.omnichannel.gateway.conversation.service;

import io.omnichannel.gateway.conversation.config.ConversationConfig;
import io.omnichannel.gateway.conversation.repository.AgentEventRepository;
import io.omnichannel.gateway.conversation.repository.ProcessedEventRepository;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Keeps the processed-event and the live-event tables bounded: entries older than their configured
 * retention are forgotten.
 */
@ApplicationScoped
public class ProcessedEventRetention {

    private final ProcessedEventRepository processedEvents;
    private final AgentEventRepository liveEvents;
    private final ConversationConfig config;
    private final Clock clock;

    ProcessedEventRetention(ProcessedEventRepository processedEvents, AgentEventRepository liveEvents,
            ConversationConfig config, Clock clock) {
        this.processedEvents = processedEvents;
        this.liveEvents = liveEvents;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetExpired() {
        int forgotten = processedEvents.forgetProcessedBefore(clock.instant().minus(config.processedEvents().retention()));
        if (forgotten > 0) {
            Log.infof("forgot %d processed event ids older than %s", forgotten, config.processedEvents().retention());
        }
        int expired = liveEvents.forgetBefore(clock.instant().minus(config.liveEvents().retention()));
        if (expired > 0) {
            Log.infof("forgot %d live events older than %s", expired, config.liveEvents().retention());
        }
    }
}
