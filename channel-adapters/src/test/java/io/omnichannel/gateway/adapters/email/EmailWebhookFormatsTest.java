package io.omnichannel.gateway.adapters.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnichannel.gateway.adapters.email.mime.EmailLimits;
import io.omnichannel.gateway.adapters.email.mime.EmailParser;
import io.omnichannel.gateway.adapters.email.mime.ParsedEmail;
import io.omnichannel.gateway.adapters.inbound.WebhookRequest;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import io.omnichannel.gateway.adapters.support.Samples;
import io.omnichannel.gateway.contract.Channel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SendGrid's and Mailgun's webhook formats, from the providers' samples, without the service. */
class EmailWebhookFormatsTest {

    private static final String SENDGRID_TYPE = "multipart/form-data; boundary=xYzZY";
    private final EmailParser parser = new EmailParser(EmailLimits.defaults());

    @Test
    void readsSendGridsDefaultFormFieldByField() {
        SendGridInboundParse sendGrid = new SendGridInboundParse(parser, null, 1024);
        ParsedEmail email = sendGrid.parse(request(SENDGRID_TYPE, Samples.bytes("email/webhooks/sendgrid_inbound_parse_default.multipart"))).email();

        assertThat(email.from().address()).isEqualTo("test@example.com");
        assertThat(email.from().displayName()).isEqualTo("Example User");
        assertThat(email.subject()).isEqualTo("Inbound Parse Test Data");
        assertThat(email.text().strip()).isEqualTo("Hello Twilio SendGrid!");
        assertThat(email.html()).contains("<strong>Hello Twilio SendGrid!");
        assertThat(email.to()).extracting(a -> a.address()).containsExactly("inbound@inbound.example.com");
    }

    @Test
    void readsSendGridsRawFormAsTheWholeMail() {
        SendGridInboundParse sendGrid = new SendGridInboundParse(parser, null, 1024);
        ParsedEmail email = sendGrid.parse(request(SENDGRID_TYPE, Samples.bytes("email/webhooks/sendgrid_inbound_parse_raw.multipart"))).email();

        assertThat(email.from().address()).isEqualTo("test@example.com");
        assertThat(email.text()).contains("Hello Twilio SendGrid!");
    }

    @Test
    void sendGridNeedsTheInboxSecretAsBasicPassword() {
        SendGridInboundParse sendGrid = new SendGridInboundParse(parser, null, 1024);
        Inbox inbox = inbox("sendgrid", "s3cret");
        String good = "Basic " + Base64.getEncoder().encodeToString("sendgrid:s3cret".getBytes(StandardCharsets.UTF_8));
        String bad = "Basic " + Base64.getEncoder().encodeToString("sendgrid:guess".getBytes(StandardCharsets.UTF_8));

        sendGrid.verify(inbox, request(SENDGRID_TYPE, new byte[0], Map.of("authorization", List.of(good))));
        assertThatThrownBy(() -> sendGrid.verify(inbox, request(SENDGRID_TYPE, new byte[0], Map.of("authorization", List.of(bad)))))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.problem().status()).isEqualTo(403));
        assertThatThrownBy(() -> sendGrid.verify(inbox, request(SENDGRID_TYPE, new byte[0])))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.problem().status()).isEqualTo(401));
    }

    @Test
    void mailgunSignatureMatchesTheVector() {
        JsonNode vector = Samples.json("email/webhooks/mailgun_signature_vector_CONSTRUCTED.json");

        assertThat(MailgunRoute.signature(vector.get("signingKey").asText(), vector.get("timestamp").asText(),
                vector.get("token").asText())).isEqualTo(vector.get("signature").asText());
    }

    @Test
    void readsMailgunsForwardAndChecksItsSignatureAndAge() {
        JsonNode vector = Samples.json("email/webhooks/mailgun_signature_vector_CONSTRUCTED.json");
        Instant signedAt = Instant.ofEpochSecond(vector.get("timestamp").asLong());
        byte[] body = Samples.bytes("email/webhooks/CONSTRUCTED_mailgun_route_forward.form");
        Inbox inbox = inbox("mailgun", vector.get("signingKey").asText());
        WebhookRequest request = request("application/x-www-form-urlencoded", body);

        new MailgunRoute(parser, null, 1024, Duration.ofMinutes(5), Clock.fixed(signedAt, ZoneOffset.UTC)).verify(inbox, request);
        ParsedEmail email = new MailgunRoute(parser, null, 1024, Duration.ofMinutes(5), Clock.systemUTC()).parse(request).email();

        assertThat(email.messageId()).isEqualTo("CAF=abc123@mail.example.com");
        assertThat(email.inReplyTo()).isEqualTo("ticket-12345-reply-1@support.example.com");
        assertThat(email.from().address()).isEqualTo("bob@example.com");
        assertThat(email.subject()).isEqualTo("Re: Order #12345");
        assertThat(email.newText()).isEqualTo("Thanks, it works now.");
        assertThat(email.text()).contains("Please try again.");
        assertThatThrownBy(() -> new MailgunRoute(parser, null, 1024, Duration.ofMinutes(5),
                Clock.fixed(signedAt.plusSeconds(301), ZoneOffset.UTC)).verify(inbox, request))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.problem().status()).isEqualTo(401));
        assertThatThrownBy(() -> new MailgunRoute(parser, null, 1024, Duration.ofMinutes(5),
                Clock.fixed(signedAt, ZoneOffset.UTC)).verify(inbox("mailgun", "another-key"), request))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.problem().status()).isEqualTo(403));
    }

    @Test
    void keepsAFileOverTheLimitAsMetadataOnly() {
        String form = "--b\r\nContent-Disposition: form-data; name=\"headers\"\r\n\r\nFrom: a@example.com\r\nSubject: files\r\n"
                + "\r\n--b\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nsee attached\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"attachment1\"; filename=\"big.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + "x".repeat(2000) + "\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"attachment2\"; filename=\"small.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nsmall\r\n--b--\r\n";
        ParsedEmail email = new SendGridInboundParse(parser, null, 1024)
                .parse(request("multipart/form-data; boundary=b", form.getBytes(StandardCharsets.UTF_8))).email();

        assertThat(email.attachments()).hasSize(2);
        assertThat(email.attachments().get(0).name()).isEqualTo("big.bin");
        assertThat(email.attachments().get(0).size()).isEqualTo(2000);
        assertThat(email.attachments().get(0).content()).isNull();
        assertThat(new String(email.attachments().get(1).content(), StandardCharsets.UTF_8)).isEqualTo("small");
        assertThat(email.notes()).anySatisfy(note -> assertThat(note).contains("big.bin").contains("over the 1024-byte limit"));
    }

    @Test
    void refusesABodyThatIsNotTheMultipartItClaims() {
        assertThatThrownBy(() -> new SendGridInboundParse(parser, null, 1024)
                .parse(request("application/json", "{}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.problem().status()).isEqualTo(400));
    }

    private static Inbox inbox(String provider, String secret) {
        return new Inbox("mail", Channel.EMAIL, provider, "support@example.com", secret, null, null, null, null, Map.of());
    }

    private static WebhookRequest request(String contentType, byte[] body) {
        return request(contentType, body, Map.of());
    }

    private static WebhookRequest request(String contentType, byte[] body, Map<String, List<String>> more) {
        Map<String, List<String>> headers = new java.util.HashMap<>(more);
        headers.put("content-type", List.of(contentType));
        return new WebhookRequest("POST", "https://gateway.test/webhooks/email", headers, null, body);
    }
}
