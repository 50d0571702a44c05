package io.omnichannel.gateway.adapters.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnichannel.gateway.adapters.email.mime.EmailParser;
import io.omnichannel.gateway.adapters.email.mime.MailCharsets;
import io.omnichannel.gateway.adapters.inbound.InboundAdapter;
import io.omnichannel.gateway.adapters.inbound.Normalized;
import io.omnichannel.gateway.adapters.inbound.WebhookRequest;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.rest.MultipartForm;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * SendGrid Inbound Parse: {@code multipart/form-data}, either "raw" (the whole mail in field
 * {@code email}) or the default (fields {@code headers}, {@code text}, {@code html}, files
 * {@code attachment1..N}, each text field in the charset {@code charsets} names). SendGrid signs
 * nothing itself: the inbox's URL carries HTTP Basic credentials
 * ({@code https://sendgrid:<secret>@host/webhooks/email/sendgrid/<inbox>}), the password checked
 * against the inbox's secret.
 */
final class SendGridInboundParse implements InboundAdapter<ReceivedEmail> {

    static final String PROVIDER = "sendgrid";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmailParser parser;
    private final EmailIntake intake;
    private final long maxAttachmentBytes;

    SendGridInboundParse(EmailParser parser, EmailIntake intake, long maxAttachmentBytes) {
        this.parser = parser;
        this.intake = intake;
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    @Override
    public void verify(Inbox inbox, WebhookRequest request) {
        String authorization = request.header("Authorization").orElse(null);
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw WebhookRejectedException.unauthenticated("HTTP Basic credentials are required: put them in the Inbound "
                    + "Parse URL, https://sendgrid:<inbox secret>@<host>/webhooks/email/sendgrid/<inbox>");
        }
        String credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw WebhookRejectedException.unauthenticated("the Basic credentials are not Base64");
        }
        String password = credentials.substring(credentials.indexOf(':') + 1);
        if (inbox.secret() == null || !MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
                inbox.secret().getBytes(StandardCharsets.UTF_8))) {
            throw WebhookRejectedException.badSignature("the Basic credentials do not match the inbox's secret");
        }
    }

    @Override
    public ReceivedEmail parse(WebhookRequest request) {
        MultipartForm form = request.multipart(maxAttachmentBytes);
        if (form.part("email").isPresent()) {
            byte[] raw = form.part("email").get().content();
            return new ReceivedEmail(RawMimeWebhook.parseMime(parser, raw == null ? new byte[0] : raw, "email"), raw);
        }
        JsonNode charsets = charsets(form);
        String headers = form.text("headers", label(charsets, "headers"))
                .orElseThrow(() -> WebhookRejectedException.missingField("headers"));
        List<String> notes = new ArrayList<>();
        return new ReceivedEmail(SeparateFields.assemble(parser, headers,
                form.text("text", label(charsets, "text")).orElse(null),
                form.text("html", label(charsets, "html")).orElse(null), null,
                SeparateFields.attachments(form.files(), maxAttachmentBytes, notes), notes), request.body());
    }

    @Override
    public Normalized normalize(Inbox inbox, ReceivedEmail payload, Instant receivedAt) {
        return intake.normalize(inbox, payload.email(), payload.raw(), receivedAt);
    }

    private static JsonNode charsets(MultipartForm form) {
        String text = form.text("charsets", StandardCharsets.UTF_8).orElse("{}");
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw WebhookRejectedException.malformed("charsets", "charsets must be a JSON object of field → charset");
        }
    }

    /** The charset SendGrid names for {@code field}; UTF-8 when it names none. */
    private static Charset label(JsonNode charsets, String field) {
        JsonNode value = charsets.get(field);
        return value == null || !value.isTextual() ? StandardCharsets.UTF_8 : MailCharsets.forName(value.asText());
    }
}
