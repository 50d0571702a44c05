package io.omnichannel.gateway.adapters.email;

import io.micrometer.core.instrument.MeterRegistry;
import io.omnichannel.gateway.adapters.email.mime.AutomatedKind;
import io.omnichannel.gateway.adapters.email.mime.EmailAddress;
import io.omnichannel.gateway.adapters.email.mime.ParsedEmail;
import io.omnichannel.gateway.adapters.inbound.Normalized;
import io.omnichannel.gateway.adapters.inbound.StatusReport;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import io.omnichannel.gateway.contract.Attachment;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.CustomerRef;
import io.omnichannel.gateway.contract.DeliveryStatus;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.contract.MessageIds;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a customer's mail becomes, however it arrived (IMAP, raw MIME, SendGrid, Mailgun): one
 * normalized message; or, for a bounce of one of our replies, a {@code failed} receipt of that reply;
 * or nothing for auto-replies, list mail and our own mail coming back, which must not open
 * conversations (and, answered, would start a mail loop). Those are counted as
 * {@code gateway_inbound_messages_total{outcome="automated"}} and logged.
 */
@ApplicationScoped
public class EmailIntake {

    private static final int MAX_FULL_TEXT = 100_000;

    private final EmailAttachments attachments;
    private final EmailThreads threads;
    private final MeterRegistry metrics;

    EmailIntake(EmailAttachments attachments, EmailThreads threads, MeterRegistry metrics) {
        this.attachments = attachments;
        this.threads = threads;
        this.metrics = metrics;
    }

    /**
     * @param raw the message as received (for the id of a message without Message-ID, and to find the
     *            reply a bounce names); may be a synthetic form for webhook formats without raw MIME
     */
    public Normalized normalize(Inbox inbox, ParsedEmail email, byte[] raw, Instant receivedAt) {
        AutomatedKind kind = isOwnAddress(inbox, email.from()) ? AutomatedKind.LOOP : email.automated();
        if (kind == AutomatedKind.BOUNCE) {
            return bounce(inbox, email, raw, receivedAt);
        }
        if (kind != AutomatedKind.NONE) {
            skipped(inbox, email, kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            return Normalized.nothing();
        }
        if (email.from() == null || email.from().address() == null || email.from().address().isBlank()) {
            throw WebhookRejectedException.malformed("from", "the mail has no From address: nobody to answer");
        }
        String externalId = email.messageId() != null ? email.messageId() : "sha256:" + sha256(raw);
        String id = MessageIds.forProviderMessage(inbox.provider(), inbox.id(), externalId);
        List<Attachment> files = attachments.store(id, email.attachments());
        threads.record(inbox.id(), email);
        String text = email.newText().isBlank() ? email.text() : email.newText();
        return Normalized.of(new InboundMessage(id, Channel.EMAIL, inbox.provider(), inbox.id(), externalId,
                threadRef(email), new CustomerRef(email.from().address(), email.from().displayName()), email.date(),
                receivedAt, email.subject(), text, email.html(), files, email.language(), metadata(email, text)));
    }

    /** The root of the thread: the first References id, else the mail answered, else the mail itself. */
    private static String threadRef(ParsedEmail email) {
        if (!email.references().isEmpty()) {
            return email.references().get(0);
        }
        return email.inReplyTo() != null ? email.inReplyTo() : email.messageId();
    }

    private static Map<String, String> metadata(ParsedEmail email, String text) {
        Map<String, String> metadata = new LinkedHashMap<>();
        put(metadata, "message-id", email.messageId());
        put(metadata, "in-reply-to", email.inReplyTo());
        put(metadata, "references", String.join(" ", email.references()));
        GatewayMessageIds.conversationOf(email).ifPresent(conversation -> metadata.put("conversation-id", conversation));
        put(metadata, "to", addresses(email.to()));
        put(metadata, "cc", addresses(email.cc()));
        if (email.replyTo() != null) {
            put(metadata, "reply-to", email.replyTo().address());
        }
        if (!text.equals(email.text()) && email.text().length() <= MAX_FULL_TEXT) {
            metadata.put("full-text", email.text());
        }
        put(metadata, "notes", String.join("\n", email.notes()));
        email.headers().forEach((name, value) -> put(metadata, "header-" + name, value));
        return metadata;
    }

    private Normalized bounce(Inbox inbox, ParsedEmail email, byte[] raw, Instant receivedAt) {
        List<String> replies = GatewayMessageIds.repliesNamedIn(new String(raw, StandardCharsets.ISO_8859_1));
        if (replies.isEmpty()) {
            skipped(inbox, email, "bounce");
            return Normalized.nothing();
        }
        String reason = "the mail bounced: " + firstLines(email.text().isBlank() ? String.valueOf(email.subject()) : email.text());
        Log.infof("inbox %s: bounce %s for our %s", inbox.id(), email.messageId(), replies);
        return new Normalized(List.of(), replies.stream()
                .map(messageId -> new StatusReport(inbox.provider(), messageId, "bounced", DeliveryStatus.FAILED, reason,
                        email.date() != null ? email.date() : receivedAt))
                .toList());
    }

    private void skipped(Inbox inbox, ParsedEmail email, String kind) {
        Log.infof("inbox %s: %s mail %s from %s (%s) not routed", inbox.id(), kind, email.messageId(),
                email.from() == null ? "nobody" : email.from().address(), email.subject());
        metrics.counter("gateway.inbound.messages", "channel", Channel.EMAIL.wireName(), "provider", inbox.provider(),
                "outcome", "automated").increment();
    }

    private static boolean isOwnAddress(Inbox inbox, EmailAddress from) {
        return from != null && inbox.address() != null && inbox.address().equalsIgnoreCase(from.address());
    }

    private static String firstLines(String text) {
        String trimmed = text.strip();
        return trimmed.length() <= 300 ? trimmed : trimmed.substring(0, 300) + "...";
    }

    private static String addresses(List<EmailAddress> addresses) {
        return addresses.stream().map(EmailAddress::address).collect(Collectors.joining(", "));
    }

    private static void put(Map<String, String> metadata, String key, String value) {
        if (value != null && !value.isBlank()) {
            metadata.put(key, value);
        }
    }

    private static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
