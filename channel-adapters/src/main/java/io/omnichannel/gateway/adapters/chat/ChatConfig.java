package io.omnichannel.gateway.adapters.chat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Configuration of the web chat ({@code adapters.chat.*}); its inboxes are {@code adapters.inboxes.*}
 * with {@code channel=chat} and {@code provider=webchat}.
 */
@ConfigMapping(prefix = "adapters.chat")
public interface ChatConfig {

    /** Largest client frame (WebSocket text frame or REST body) in UTF-8 bytes; larger ones are refused (413). */
    @WithDefault("16384")
    int maxFrameBytes();

    /** Longest message text, in characters (code points); longer ones are refused (413). */
    @WithDefault("4000")
    int maxTextLength();

    /** Frames (or REST calls) a visitor session may send per second on average; more are refused (429). */
    @WithDefault("5")
    int messagesPerSecond();

    /** How many frames may come at once above that rate (a reconnecting widget re-sends its outbox in one go). */
    @WithDefault("30")
    int burst();

    /** A socket whose frames are refused this many times in a row for flooding is closed (1008). */
    @WithDefault("20")
    int floodClose();

    /** The routing service (e.g. {@code http://localhost:8082}) asked for the expected wait; unset = none shown. */
    Optional<String> routingUrl();

    /** How long the routing service may take to answer; after that the widget shows no expected wait. */
    @WithDefault("2s")
    Duration routingTimeout();

    /** How long an expected wait is reused before the routing service is asked again. */
    @WithDefault("30s")
    Duration expectedWaitRefresh();

    /**
     * How often the sessions on this instance are compared with the stored replies, in case a
     * notification was missed (the database connection that listens for them was lost).
     */
    @WithDefault("5s")
    Duration catchUpInterval();

    /** Longest wait of a long-polling {@code GET .../messages?wait=} (the REST fallback). */
    @WithDefault("25s")
    Duration longPollMax();

    /** Replies sent per round to a (re)connecting session; the rest follow in further rounds. */
    @WithDefault("100")
    int repliesPerRound();
}
