package io.omnichannel.gateway.adapters.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
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

    /**
     * How long the inbound producer waits to fill a batch: the service kit's 1 ms by default; a few
     * milliseconds more latency buy fewer, larger produce requests under heavy load.
     */
    @WithDefault("1ms")
    Duration inboundLinger();

    Dedup dedup();

    Twilio twilio();

    Vonage vonage();

    Api api();

    Outbound outbound();

    /** The inboxes this deployment serves, by id: {@code adapters.inboxes."sms-us".provider=twilio}. */
    Map<String, InboxConfig> inboxes();

    interface Dedup {
        /** How long a provider message id is remembered to drop the provider's retries. */
        @WithDefault("24h")
        Duration window();

        /** At most this many ids are remembered; the oldest are forgotten first. */
        @WithDefault("200000")
        int maxEntries();
    }

    interface Twilio {
        /**
         * The auth token of the default Twilio inbox: the one {@code POST /webhooks/sms/twilio} uses for a
         * number that no configured inbox has.
         */
        Optional<String> authToken();

        /** The default inbox's account; when set, only webhooks of this account are accepted. */
        Optional<String> accountSid();

        /** Twilio's REST API, e.g. {@code https://api.twilio.com}; tests point it at a fake. */
        @WithDefault("https://api.twilio.com")
        String apiBaseUrl();
    }

    interface Vonage {
        /** Signed webhooks older (or newer) than this are refused as replays. */
        @WithDefault("5m")
        Duration signatureMaxAge();

        /** Parts of a concatenated SMS still incomplete after this long are published as they are. */
        @WithDefault("1h")
        Duration concatTimeout();

        /** How often incomplete concatenated SMS are checked against {@link #concatTimeout()}. */
        @WithDefault("60s")
        Duration concatCheckEvery();
    }

    interface Api {
        /** Requests whose timestamp is further than this from now are refused as replays. */
        @WithDefault("5m")
        Duration replayWindow();
    }

    interface Outbound {
        /** Attempts at handing one reply to the provider before it is reported failed. */
        @WithDefault("5")
        int maxAttempts();

        /** Wait before the second attempt; doubled after each further one. */
        @WithDefault("1s")
        Duration initialBackoff();

        @WithDefault("30s")
        Duration maxBackoff();

        /** How long one call to a provider may take. */
        @WithDefault("10s")
        Duration requestTimeout();
    }

    /** One provider endpoint, number or page: {@code adapters.inboxes."<id>".*}. */
    interface InboxConfig {
        /** {@code sms}, {@code chat}, {@code social}, {@code email} or {@code phone}. */
        String channel();

        /** {@code twilio}, {@code vonage}, {@code api}, ... */
        String provider();

        /** Our number, page id or address at the provider; how webhooks without an inbox in the path are matched. */
        Optional<String> address();

        /** The key of the provider's webhook signature (Twilio auth token, Vonage signature secret, API channel secret). */
        Optional<String> secret();

        /** The provider account (Twilio AccountSid, Vonage API key). */
        Optional<String> account();

        /** The credential for the provider's send API when it is not {@link #secret()} (Vonage API secret). */
        Optional<String> apiToken();

        /** The exact URL the provider calls, when it differs from {@code public-base-url} + path. */
        Optional<String> publicUrl();

        /** Where replies go (API channel: the integrator's webhook). */
        Optional<String> webhookUrl();

        /** Anything else a channel needs, e.g. {@code options.signature-method=sha256}. */
        Map<String, String> options();
    }
}
