package io.omnichannel.gateway.adapters.email;

import io.omnichannel.gateway.adapters.email.mime.EmailLimits;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Configuration of the email channel ({@code adapters.email.*}); its inboxes are {@code adapters.inboxes.*}. */
@ConfigMapping(prefix = "adapters.email")
public interface EmailConfig {

    /** Largest message taken in (webhook body or IMAP message); a webhook over it gets 413. */
    @WithDefault("26214400")
    int maxMessageBytes();

    /** Largest attachment kept; a larger one is kept as metadata (name, type, size) with a note, the message still delivered. */
    @WithDefault("10485760")
    long maxAttachmentBytes();

    /** Largest header section; a message over it is refused as malformed. */
    @WithDefault("65536")
    int maxHeaderBytes();

    /** Deepest nesting of MIME parts followed; deeper parts are cut with a note. */
    @WithDefault("20")
    int maxNestingDepth();

    /** Most MIME parts read from one message; the rest are cut with a note. */
    @WithDefault("200")
    int maxParts();

    /** Mailgun webhooks whose timestamp is further than this from now are refused as replays. */
    @WithDefault("5m")
    Duration mailgunSignatureMaxAge();

    Imap imap();

    interface Imap {
        /** How often each IMAP mailbox is checked when the server has no IDLE (or between IDLE rounds). */
        @WithDefault("30s")
        Duration pollInterval();

        /** The longest one IDLE waits before the mailbox is checked anyway (servers drop idle connections). */
        @WithDefault("10m")
        Duration idleTimeout();

        /** Wait before reconnecting to a mailbox after an error; doubled up to ten times that. */
        @WithDefault("5s")
        Duration retryBackoff();

        @WithDefault("20s")
        Duration connectTimeout();
    }

    default EmailLimits limits() {
        return new EmailLimits(maxMessageBytes(), maxHeaderBytes(), 1000, maxNestingDepth(), maxParts(),
                maxAttachmentBytes());
    }
}
