package io.omnichannel.gateway.conversation.config;

import io.omnichannel.gateway.conversation.domain.Identities;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

public class ClockProducer {

    /**
     * UTC in whole microseconds, PostgreSQL's precision: a timestamp read back equals the one written,
     * which the paging cursor (updated_at, id) relies on.
     */
    @Produces
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    @Produces
    @Singleton
    Identities identities(ConversationConfig config) {
        return new Identities(config.customers().defaultRegion());
    }
}
