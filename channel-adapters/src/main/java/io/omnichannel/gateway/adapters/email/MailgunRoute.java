package io.omnichannel.gateway.adapters.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnichannel.gateway.adapters.email.mime.EmailParser;
import io.omnichannel.gateway.adapters.inbound.InboundAdapter;
import io.omnichannel.gateway.adapters.inbound.Normalized;
import io.omnichannel.gateway.adapters.inbound.WebhookRequest;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.rest.FormBody;
import io.omnichannel.gateway.adapters.rest.MultipartForm;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Mailgun route's {@code forward()}: form-encoded, or {@code multipart/form-data} with
 * {@code attachment-1..N}; a route whose URL ends in {@code mime} posts the whole mail as
 * {@code body-mime}. Signed: {@code signature} = hex HMAC-SHA256(webhook signing key, timestamp + token),
 * the key being the inbox's secret, and a timestamp further than
 * {@code adapters.email.mailgun-signature-max-age} from now is refused. A replay within that window
 * is harmless: it is the same Message-ID, so the same message.
 */
final class MailgunRoute implements InboundAdapter<ReceivedEmail> {

    static final String PROVIDER = "mailgun";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The fields of one request, however they were encoded. */
    private record Fields(Function<String, Optional<String>> text, List<MultipartForm.Part> files) {
        String require(String name) {
            return text.apply(name).filter(value -> !value.isBlank())
                    .orElseThrow(() -> WebhookRejectedException.missingField(name));
        }
    }

    private final EmailParser parser;
    private final EmailIntake intake;
    private final long maxAttachmentBytes;
    private final Duration maxAge;
    private final Clock clock;

    MailgunRoute(EmailParser parser, EmailIntake intake, long maxAttachmentBytes, Duration maxAge, Clock clock) {
        this.parser = parser;
        this.intake = intake;
        this.maxAttachmentBytes = maxAttachmentBytes;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** The signature Mailgun computes. */
    static String signature(String signingKey, String timestamp, String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + token).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public void verify(Inbox inbox, WebhookRequest request) {
        Fields fields = fields(request);
        Optional<String> timestamp = fields.text().apply("timestamp").filter(v -> !v.isBlank());
        Optional<String> token = fields.text().apply("token").filter(v -> !v.isBlank());
        Optional<String> signature = fields.text().apply("signature").filter(v -> !v.isBlank());
        if (timestamp.isEmpty() || token.isEmpty() || signature.isEmpty()) {
            throw WebhookRejectedException.unauthenticated("timestamp, token and signature are required (Mailgun signs every webhook)");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.get().trim());
        } catch (NumberFormatException e) {
            throw WebhookRejectedException.unauthenticated("timestamp must be Unix seconds, got '" + timestamp.get() + "'");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
        if (skew > maxAge.toSeconds()) {
            throw WebhookRejectedException.unauthenticated("timestamp is " + skew + " s away from now; older or newer than "
                    + maxAge.toSeconds() + " s is refused as a replay");
        }
        byte[] expected = signature(inbox.secret(), timestamp.get(), token.get()).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, signature.get().trim().toLowerCase().getBytes(StandardCharsets.UTF_8))) {
            throw WebhookRejectedException.badSignature("signature does not match HMAC-SHA256(the inbox's signing key, timestamp + token)");
        }
    }

    @Override
    public ReceivedEmail parse(WebhookRequest request) {
        Fields fields = fields(request);
        Optional<String> mime = fields.text().apply("body-mime").filter(v -> !v.isBlank());
        if (mime.isPresent()) {
            byte[] raw = mime.get().getBytes(StandardCharsets.UTF_8);
            return new ReceivedEmail(RawMimeWebhook.parseMime(parser, raw, "body-mime"), raw);
        }
        List<String> notes = new ArrayList<>();
        return new ReceivedEmail(SeparateFields.assemble(parser, headerSection(fields),
                fields.text().apply("body-plain").orElse(null), fields.text().apply("body-html").orElse(null),
                fields.text().apply("stripped-text").orElse(null),
                SeparateFields.attachments(fields.files(), maxAttachmentBytes, notes), notes), request.body());
    }

    @Override
    public Normalized normalize(Inbox inbox, ReceivedEmail payload, Instant receivedAt) {
        return intake.normalize(inbox, payload.email(), payload.raw(), receivedAt);
    }

    /** {@code message-headers} ([[name, value], ...]) as a header section; without it, the headers Mailgun also posts as fields. */
    private static String headerSection(Fields fields) {
        StringBuilder section = new StringBuilder();
        Optional<String> json = fields.text().apply("message-headers").filter(v -> !v.isBlank());
        if (json.isPresent()) {
            try {
                for (JsonNode pair : JSON.readTree(json.get())) {
                    section.append(pair.get(0).asText()).append(": ").append(pair.get(1).asText()).append("\r\n");
                }
            } catch (IOException | RuntimeException e) {
                throw WebhookRejectedException.malformed("message-headers", "message-headers must be a JSON list of [name, value]");
            }
            return section.toString();
        }
        section.append("From: ").append(fields.require("from")).append("\r\n");
        for (String name : List.of("To", "Subject", "Date", "Message-Id", "In-Reply-To", "References")) {
            fields.text().apply(name).filter(v -> !v.isBlank())
                    .ifPresent(value -> section.append(name).append(": ").append(value).append("\r\n"));
        }
        return section.toString();
    }

    private Fields fields(WebhookRequest request) {
        String contentType = request.header("Content-Type").orElse(null);
        if (MultipartForm.isMultipart(contentType)) {
            MultipartForm form = request.multipart(maxAttachmentBytes);
            return new Fields(name -> form.part(name).filter(part -> !part.isFile())
                    .map(part -> part.text(StandardCharsets.UTF_8)), form.files());
        }
        FormBody form = request.form();
        return new Fields(form::first, List.of());
    }
}
