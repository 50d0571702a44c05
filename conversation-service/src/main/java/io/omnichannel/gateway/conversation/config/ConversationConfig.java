package io.omnichannel.gateway.conversation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Configuration of the conversation service ({@code conversation.*}). */
@ConfigMapping(prefix = "conversation")
public interface ConversationConfig {

    /** The routing service's base URL; transfers, escalations, priorities and resolutions go through it. */
    String routingUrl();

    /**
     * A customer writing within this time after their conversation was resolved reopens it; later, a
     * new conversation starts.
     */
    @WithDefault("24h")
    Duration reopenWindow();

    /** How often snoozed conversations are checked for their time having come. */
    @WithDefault("5s")
    Duration snoozeCheck();

    /** The team a new conversation of an inbox belongs to ({@code conversation.inbox-teams."sms-eu"=billing}). */
    Map<String, String> inboxTeams();

    ProcessedEvents processedEvents();

    Customers customers();

    LiveEvents liveEvents();

    interface ProcessedEvents {
        /**
         * How long the ids of consumed events are kept to recognize redeliveries. Keep it longer than
         * the topics' retention if events may be replayed from the beginning.
         */
        @WithDefault("14d")
        Duration retention();
    }

    interface Customers {
        /** Region (ISO 3166 code) of phone numbers written without a country code. */
        @WithDefault("US")
        String defaultRegion();
    }

    interface LiveEvents {
        /** How long an agent's events are kept for a desktop that resumes with Last-Event-ID. */
        @WithDefault("24h")
        Duration retention();

        /** How often an idle stream gets a comment line, so that proxies keep it open. */
        @WithDefault("15s")
        Duration heartbeat();

        /** How often streams look for events written by other instances of the service. */
        @WithDefault("1s")
        Duration pollInterval();
    }
}
