package io.omnichannel.gateway.adapters.phone;

import io.omnichannel.gateway.adapters.api.ApiSignature;
import io.omnichannel.gateway.adapters.inbound.InboundAdapter;
import io.omnichannel.gateway.adapters.inbound.Normalized;
import io.omnichannel.gateway.adapters.inbound.WebhookRequest;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.CustomerRef;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.contract.MessageIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A finished call's transcript from the customer's own pipeline, signed like the API channel
 * ({@code X-Gateway-Timestamp}, {@code X-Gateway-Signature} with the inbox's secret over timestamp
 * + "." + body). One call is one message, whatever the format: channel {@code phone}, the caller as
 * customer, {@code externalId} the call (or job) id, so a re-posted transcript is the same message;
 * text the turns ("Customer: …", "Agent: …"); duration, language, sentiment, the turns as JSON and
 * where an SMS reply goes in metadata. A call cannot be replied to: replies go by SMS to the caller.
 */
public final class TranscriptAdapter implements InboundAdapter<ParsedTranscript> {

    public static final String PROVIDER = "transcripts";
    /** Inbox option: the voices that are agents when requests do not say (e.g. {@code ch_1,spk_1,2}). */
    static final String AGENT_LABELS = "agent-labels";

    private final CallDetails call;
    private final Duration replayWindow;
    private final Clock clock;
    private final Function<Inbox, Optional<Inbox>> smsInbox;

    /** @param smsInbox the SMS inbox that texts the callers of a phone inbox, if it has one */
    public TranscriptAdapter(CallDetails call, Duration replayWindow, Clock clock, Function<Inbox, Optional<Inbox>> smsInbox) {
        this.call = call;
        this.replayWindow = replayWindow;
        this.clock = clock;
        this.smsInbox = smsInbox;
    }

    @Override
    public void verify(Inbox inbox, WebhookRequest request) {
        if (inbox.secret() == null) {
            throw WebhookRejectedException.badSignature("the phone inbox '" + inbox.id() + "' has no secret configured");
        }
        ApiSignature.verify(inbox.secret(), request.header(ApiSignature.TIMESTAMP_HEADER).orElse(null),
                request.header(ApiSignature.SIGNATURE_HEADER).orElse(null), request.body(), clock.instant(), replayWindow);
    }

    @Override
    public ParsedTranscript parse(WebhookRequest request) {
        return TranscriptFormat.parse(request.body(), request.header("Content-Type").orElse(null), call.format());
    }

    @Override
    public Normalized normalize(Inbox inbox, ParsedTranscript transcript, Instant receivedAt) {
        String caller = PhoneNumbers.e164("from", call.from());
        if (caller == null) {
            throw WebhookRejectedException.malformed("from", "'from' is required: the caller's number in E.164 (the "
                    + "customer, and where an SMS reply goes); pass it as a query parameter");
        }
        String called = PhoneNumbers.e164("to", call.to());
        String callId = call.callId() != null && !call.callId().isBlank() ? call.callId().strip() : transcript.callId();
        if (callId == null) {
            throw WebhookRejectedException.malformed("callId", "the " + transcript.format().wireName() + " transcript "
                    + "carries no call id; pass the call's id in the query parameter 'callId'");
        }
        String agents = call.agent() != null && !call.agent().isBlank() ? call.agent() : inbox.option(AGENT_LABELS).orElse("");
        List<Turn> turns = transcript.turns().isEmpty() ? List.of()
                : Turns.withRoles(transcript, Set.copyOf(Arrays.asList(agents.split(","))));

        Map<String, String> details = new LinkedHashMap<>();
        details.put("format", transcript.format().wireName());
        details.put("caller", caller);
        if (called != null) {
            details.put("called", called);
        }
        if (transcript.durationSeconds() != null) {
            details.put("duration-seconds", TranscriptJson.decimal(transcript.durationSeconds()));
        }
        details.putAll(transcript.details());
        details.put("turn-count", Integer.toString(turns.size()));
        details.put("turns", Turns.json(turns));
        details.put("reply-channel", Channel.SMS.wireName());
        details.put("reply-to", caller);
        smsInbox.apply(inbox).ifPresent(sms -> {
            details.put("reply-provider", sms.provider());
            details.put("reply-inbox", sms.id());
        });
        String language = transcript.language() != null ? transcript.language()
                : call.language() == null || call.language().isBlank() ? null : call.language().strip();
        return Normalized.of(new InboundMessage(MessageIds.forProviderMessage(PROVIDER, inbox.id(), callId), Channel.PHONE,
                PROVIDER, inbox.id(), callId, null, new CustomerRef(caller, null), startedAt(), receivedAt, null,
                Turns.text(turns), null, List.of(), language, details));
    }

    private Instant startedAt() {
        if (call.startedAt() == null || call.startedAt().isBlank()) {
            return null;
        }
        try {
            return Instant.parse(call.startedAt().strip());
        } catch (DateTimeParseException e) {
            throw WebhookRejectedException.malformed("startedAt", "'startedAt' must be an ISO-8601 instant such as "
                    + "2026-11-23T10:15:30Z, got '" + call.startedAt() + "'");
        }
    }
}
