package io.omnichannel.gateway.adapters.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Configuration of the channel adapters ({@code adapters.*}). */
@ConfigMapping(prefix = "adapters")
public interface AdaptersConfig {

    /**
     * The URL at which providers reach this service from the internet, e.g.
     * {@code https://gateway.example.com}. Providers sign the URL they call, so it must be exact.
     */
    String publicBaseUrl();

    /** Largest webhook body accepted; larger ones get 413. */
    @WithDefault("65536")
    int maxWebhookBytes();

    Dedup dedup();

    Twilio twilio();

    interface Dedup {
        /** How long a provider message id is remembered to drop the provider's retries. */
        @WithDefault("24h")
        Duration window();

        /** At most this many ids are remembered; the oldest are forgotten first. */
        @WithDefault("200000")
        int maxEntries();
    }

    interface Twilio {
        /** The account's auth token, the key of {@code X-Twilio-Signature}. */
        String authToken();

        /** When set, only webhooks of this account are accepted. */
        Optional<String> accountSid();
    }
}
