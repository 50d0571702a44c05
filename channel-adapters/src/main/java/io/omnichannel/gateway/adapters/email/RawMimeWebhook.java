package io.omnichannel.gateway.adapters.email;

import io.omnichannel.gateway.adapters.api.ApiSignature;
import io.omnichannel.gateway.adapters.email.mime.EmailParser;
import io.omnichannel.gateway.adapters.email.mime.MalformedEmailException;
import io.omnichannel.gateway.adapters.inbound.InboundAdapter;
import io.omnichannel.gateway.adapters.inbound.Normalized;
import io.omnichannel.gateway.adapters.inbound.WebhookRequest;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A raw mail posted as {@code message/rfc822} (a mail server's pipe, a Lambda on an SES bucket...),
 * signed like the API channel: {@code X-Gateway-Timestamp} and {@code X-Gateway-Signature} over the
 * raw bytes with the inbox's secret.
 */
final class RawMimeWebhook implements InboundAdapter<ReceivedEmail> {

    static final String PROVIDER = "mime";

    private final EmailParser parser;
    private final EmailIntake intake;
    private final Duration replayWindow;
    private final Clock clock;

    RawMimeWebhook(EmailParser parser, EmailIntake intake, Duration replayWindow, Clock clock) {
        this.parser = parser;
        this.intake = intake;
        this.replayWindow = replayWindow;
        this.clock = clock;
    }

    @Override
    public void verify(Inbox inbox, WebhookRequest request) {
        ApiSignature.verify(inbox.secret(), request.header(ApiSignature.TIMESTAMP_HEADER).orElse(null),
                request.header(ApiSignature.SIGNATURE_HEADER).orElse(null), request.body(), clock.instant(), replayWindow);
    }

    @Override
    public ReceivedEmail parse(WebhookRequest request) {
        return new ReceivedEmail(parseMime(parser, request.body(), "body"), request.body());
    }

    @Override
    public Normalized normalize(Inbox inbox, ReceivedEmail payload, Instant receivedAt) {
        return intake.normalize(inbox, payload.email(), payload.raw(), receivedAt);
    }

    /** The mail in {@code raw}, or 400 naming {@code field} when nothing sensible can be read from it. */
    static io.omnichannel.gateway.adapters.email.mime.ParsedEmail parseMime(EmailParser parser, byte[] raw, String field) {
        try {
            return parser.parse(raw);
        } catch (MalformedEmailException e) {
            throw WebhookRejectedException.malformed(field, "not a readable mail: " + e.getMessage());
        }
    }
}
