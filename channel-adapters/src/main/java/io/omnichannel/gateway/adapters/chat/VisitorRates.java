package io.omnichannel.gateway.adapters.chat;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The REST fallback's rate limit: one {@link FrameRate} per visitor on this instance, forgotten once idle. */
@ApplicationScoped
public class VisitorRates {

    private final ChatConfig config;
    private final Map<String, FrameRate> rates = new ConcurrentHashMap<>();

    VisitorRates(ChatConfig config) {
        this.config = config;
    }

    /** @throws ChatRefusedException 429 when the visitor is over the rate */
    void admit(Visitor visitor) {
        FrameRate rate = rates.computeIfAbsent(visitor.conversationKey(),
                key -> new FrameRate(config.messagesPerSecond(), config.burst()));
        if (!rate.tryAcquire()) {
            throw ChatRefusedException.flooding(config.messagesPerSecond());
        }
    }

    @Scheduled(every = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetIdle() {
        rates.values().removeIf(FrameRate::isIdle);
    }
}
