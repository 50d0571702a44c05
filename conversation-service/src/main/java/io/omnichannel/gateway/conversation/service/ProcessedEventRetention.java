package io.omnichannel.gateway.conversation.service;

import io.omnichannel.gateway.conversation.config.ConversationConfig;
import io.omnichannel.gateway.conversation.repository.ProcessedEventRepository;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** Keeps the processed-event table bounded: ids older than the configured retention are forgotten. */
@ApplicationScoped
public class ProcessedEventRetention {

    private final ProcessedEventRepository processedEvents;
    private final ConversationConfig config;
    private final Clock clock;

    ProcessedEventRetention(ProcessedEventRepository processedEvents, ConversationConfig config, Clock clock) {
        this.processedEvents = processedEvents;
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
    }
}
