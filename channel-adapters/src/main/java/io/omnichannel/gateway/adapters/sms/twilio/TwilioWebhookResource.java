package io.omnichannel.gateway.adapters.sms.twilio;

import io.omnichannel.gateway.adapters.config.AdaptersConfig;
import io.omnichannel.gateway.adapters.publish.InboundPublisher;
import io.omnichannel.gateway.adapters.rest.FormBody;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import io.omnichannel.gateway.contract.InboundMessage;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Twilio Programmable Messaging's inbound webhook for SMS and MMS. */
@Path("/webhooks/sms/twilio")
public class TwilioWebhookResource {

    /** An empty TwiML answer: Twilio sends nothing back to the customer. */
    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private final AdaptersConfig config;
    private final InboundPublisher publisher;
    private final Clock clock = Clock.systemUTC();

    TwilioWebhookResource(AdaptersConfig config, InboundPublisher publisher) {
        this.config = config;
        this.publisher = publisher;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_XML)
    @Operation(summary = "Receive an inbound SMS/MMS from Twilio",
            description = "Verifies X-Twilio-Signature over the public URL and the form fields, publishes the message "
                    + "to gateway.inbound.v1 and answers empty TwiML once the broker has acknowledged it.")
    @APIResponse(responseCode = "200", description = "Stored durably (or a retry of a stored message)")
    @APIResponse(responseCode = "400", description = "A required field is missing; the problem names it")
    @APIResponse(responseCode = "403", description = "Missing or wrong X-Twilio-Signature")
    @APIResponse(responseCode = "413", description = "Body larger than adapters.max-webhook-bytes")
    @APIResponse(responseCode = "503", description = "The broker did not acknowledge; retry after Retry-After seconds")
    public CompletionStage<String> receive(@HeaderParam("X-Twilio-Signature") String signature, UriInfo uri, byte[] body) {
        if (body.length > config.maxWebhookBytes()) {
            throw WebhookRejectedException.tooLarge(config.maxWebhookBytes());
        }
        FormBody form = FormBody.parse(new String(body, StandardCharsets.UTF_8));
        String publicUrl = publicUrl(uri);
        if (!TwilioSignature.isValid(config.twilio().authToken(), publicUrl, form.pairs(), signature)) {
            throw WebhookRejectedException.badSignature(signature == null || signature.isEmpty()
                    ? "the X-Twilio-Signature header is missing"
                    : "X-Twilio-Signature does not match the request signed for " + publicUrl
                            + "; check adapters.twilio.auth-token and adapters.public-base-url");
        }
        config.twilio().accountSid().ifPresent(expected -> {
            if (!expected.equals(form.required("AccountSid"))) {
                throw WebhookRejectedException.badSignature("the webhook is for another Twilio account");
            }
        });
        InboundMessage message = TwilioInboundNormalizer.normalize(form, clock.instant());
        return publisher.publish(message).thenApply(outcome -> EMPTY_TWIML);
    }

    private String publicUrl(UriInfo uri) {
        String base = config.publicBaseUrl().replaceAll("/+$", "");
        String query = uri.getRequestUri().getRawQuery();
        return base + uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query);
    }
}
