package io.omnichannel.gateway.conversation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Configuration of the conversation service ({@code conversation.*}). */
@ConfigMapping(prefix = "conversation")
public interface ConversationConfig {

    ProcessedEvents processedEvents();

    interface ProcessedEvents {
        /**
         * How long the ids of consumed events are kept to recognize redeliveries. Keep it longer than
         * the topics' retention if events may be replayed from the beginning.
         */
        @WithDefault("14d")
        Duration retention();
    }
}
