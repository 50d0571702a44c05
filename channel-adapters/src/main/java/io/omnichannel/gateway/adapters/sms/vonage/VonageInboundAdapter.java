package io.omnichannel.gateway.adapters.sms.vonage;

import io.omnichannel.gateway.adapters.config.AdaptersConfig;
import io.omnichannel.gateway.adapters.inbound.InboundAdapter;
import io.omnichannel.gateway.adapters.inbound.Normalized;
import io.omnichannel.gateway.adapters.inbound.WebhookRequest;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.CustomerRef;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.contract.MessageIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Vonage's (Nexmo) inbound SMS webhook: signed parameters ({@code sig}, checked with the inbox's
 * signature secret and {@code options.signature-method}, default {@code md5hash}), {@code msisdn}
 * the customer, {@code to} our number. The parts of a concatenated SMS ({@code concat-ref},
 * {@code concat-part} of {@code concat-total}) are buffered and published as one message when the
 * last one arrives, in any order. Blocking: the buffer is in the database.
 */
@ApplicationScoped
public class VonageInboundAdapter implements InboundAdapter<VonageParams> {

    public static final String PROVIDER = "vonage";
    static final String METADATA_REF = "concat-ref";
    static final String METADATA_TOTAL = "concat-total";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int MAX_PARTS = 255;

    private final ConcatBuffer buffer;
    private final Duration maxAge;
    private final Clock clock;

    @Inject
    VonageInboundAdapter(ConcatBuffer buffer, AdaptersConfig config) {
        this(buffer, config.vonage().signatureMaxAge(), Clock.systemUTC());
    }

    VonageInboundAdapter(ConcatBuffer buffer, Duration maxAge, Clock clock) {
        this.buffer = buffer;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public void verify(Inbox inbox, WebhookRequest request) {
        VonageParams params = VonageParams.of(request);
        String sig = params.get("sig").orElse(null);
        if (sig == null) {
            throw WebhookRejectedException.unauthenticated("the webhook is not signed: enable signed webhooks for the "
                    + "Vonage account and configure the inbox's signature secret");
        }
        if (inbox.secret() == null) {
            throw WebhookRejectedException.badSignature("the inbox '" + inbox.id() + "' has no signature secret configured");
        }
        String method = inbox.option("signature-method").orElse("md5hash");
        if (!VonageSignature.isValid(method, inbox.secret(), params.all(), sig)) {
            throw WebhookRejectedException.badSignature("sig does not match the parameters signed (" + method
                    + ") with the inbox's signature secret");
        }
        params.get("timestamp").ifPresent(timestamp -> checkAge(timestamp));
    }

    private void checkAge(String timestamp) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw WebhookRejectedException.malformed("timestamp", "'timestamp' must be Unix seconds, got '" + timestamp + "'");
        }
        long age = Math.abs(clock.instant().getEpochSecond() - seconds);
        if (age > maxAge.toSeconds()) {
            throw WebhookRejectedException.unauthenticated("the signed timestamp is " + age + " s away from now; webhooks "
                    + "older than " + maxAge.toSeconds() + " s are refused as replays");
        }
    }

    @Override
    public VonageParams parse(WebhookRequest request) {
        return VonageParams.of(request);
    }

    @Override
    public Normalized normalize(Inbox inbox, VonageParams params, Instant receivedAt) {
        String sender = params.required("msisdn");
        params.required("to");
        String messageId = params.required("messageId");
        String text = "binary".equals(params.get("type").orElse("text")) ? "" : params.get("text").orElse("");
        Instant sentAt = params.get("message-timestamp").map(VonageInboundAdapter::timestamp).orElse(null);
        if (!"true".equalsIgnoreCase(params.get("concat").orElse("false"))) {
            return Normalized.of(message(inbox, sender, messageId, text, sentAt, receivedAt, details(params, Map.of())));
        }
        int total = params.requiredNumber("concat-total");
        int number = params.requiredNumber("concat-part");
        if (total < 1 || total > MAX_PARTS || number < 1 || number > total) {
            throw WebhookRejectedException.malformed("concat-part", "concat-part " + number + " of concat-total " + total
                    + " is not a valid part");
        }
        ConcatBuffer.Part part = new ConcatBuffer.Part(PROVIDER, inbox.id(), sender, params.required("concat-ref"), total,
                number, messageId, text, sentAt, receivedAt);
        ConcatBuffer.Group group = buffer.add(part);
        return group.state() == ConcatBuffer.State.COMPLETE
                ? Normalized.of(assemble(inbox, group.parts(), receivedAt, params))
                : Normalized.nothing();
    }

    /** Marks the parts of published concatenated messages, so that late retries of a part are dropped. */
    public void published(List<InboundMessage> messages) {
        for (InboundMessage message : messages) {
            String ref = message.metadata().get(METADATA_REF);
            if (ref != null) {
                buffer.markPublished(new ConcatBuffer.Part(PROVIDER, message.inbox(), message.customer().handle(), ref,
                        Integer.parseInt(message.metadata().get(METADATA_TOTAL)), 0, null, null, null, null));
            }
        }
    }

    /**
     * One message of the parts: the first part's id is the message's provider id, the texts joined in
     * order; a missing part (a group published incomplete after the timeout) is marked in the text.
     */
    static InboundMessage assemble(Inbox inbox, List<ConcatBuffer.Part> parts, Instant receivedAt, VonageParams params) {
        ConcatBuffer.Part first = parts.get(0);
        Map<Integer, String> texts = parts.stream().collect(Collectors.toMap(ConcatBuffer.Part::number, ConcatBuffer.Part::text));
        StringBuilder text = new StringBuilder();
        for (int number = 1; number <= first.total(); number++) {
            text.append(texts.getOrDefault(number, "[part " + number + " of " + first.total() + " missing]"));
        }
        Map<String, String> concat = new LinkedHashMap<>();
        concat.put(METADATA_REF, first.ref());
        concat.put(METADATA_TOTAL, Integer.toString(first.total()));
        concat.put("concat-parts-received", Integer.toString(parts.size()));
        String externalId = parts.stream().filter(part -> part.number() == 1).findFirst().orElse(first).externalId();
        return message(inbox, first.sender(), externalId, text.toString(), first.sentAt(), receivedAt,
                params == null ? concat : details(params, concat));
    }

    private static InboundMessage message(Inbox inbox, String sender, String externalId, String text, Instant sentAt,
            Instant receivedAt, Map<String, String> metadata) {
        return new InboundMessage(MessageIds.forProviderMessage(PROVIDER, inbox.id(), externalId), Channel.SMS, PROVIDER,
                inbox.id(), externalId, null, new CustomerRef(sender, null), sentAt, receivedAt, null, text, null,
                List.of(), null, metadata);
    }

    private static Map<String, String> details(VonageParams params, Map<String, String> extra) {
        Map<String, String> details = new LinkedHashMap<>(extra);
        for (String name : List.of("to", "type", "keyword", "api-key")) {
            params.get(name).ifPresent(value -> details.put(name, value));
        }
        return details;
    }

    static Instant timestamp(String value) {
        try {
            return LocalDateTime.parse(value.trim(), TIMESTAMP).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw WebhookRejectedException.malformed("message-timestamp", "'message-timestamp' must be "
                    + "'YYYY-MM-DD HH:MM:SS' (UTC), got '" + value + "'");
        }
    }
}
