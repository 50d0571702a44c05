package io.omnichannel.gateway.adapters.social;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Configuration of the Meta channels ({@code adapters.meta.*}); the inboxes are {@code adapters.inboxes.*}. */
@ConfigMapping(prefix = "adapters.meta")
public interface MetaConfig {

    /**
     * The Graph API with its version, e.g. {@code https://graph.facebook.com/v23.0}; an inbox may
     * override it with {@code options.graph-url} (Instagram Login: {@code https://graph.instagram.com/v23.0}).
     */
    @WithDefault("https://graph.facebook.com/v23.0")
    String graphUrl();

    /** How long after the customer's last message a free-form reply is allowed (WhatsApp, Messenger, Instagram). */
    @WithDefault("24h")
    Duration customerServiceWindow();

    /** How long after it a Messenger/Instagram reply may still go out with the HUMAN_AGENT tag, where an inbox enables it. */
    @WithDefault("7d")
    Duration humanAgentWindow();
}
