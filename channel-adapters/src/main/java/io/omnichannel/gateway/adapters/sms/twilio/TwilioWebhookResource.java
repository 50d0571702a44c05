package io.omnichannel.gateway.adapters.sms.twilio;

import io.omnichannel.gateway.adapters.inbound.InboundPipeline;
import io.omnichannel.gateway.adapters.inbound.WebhookRequest;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.inbox.InboxRegistry;
import io.omnichannel.gateway.adapters.rest.FormBody;
import io.omnichannel.gateway.adapters.rest.WebhookRequests;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Twilio Programmable Messaging's webhooks: inbound SMS/MMS and the status callbacks of our replies. */
@Path("/webhooks/sms/twilio")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class TwilioWebhookResource {

    /** An empty TwiML answer: Twilio sends nothing back to the customer. */
    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private final InboxRegistry inboxes;
    private final InboundPipeline pipeline;
    private final WebhookRequests requests;

    TwilioWebhookResource(InboxRegistry inboxes, InboundPipeline pipeline, WebhookRequests requests) {
        this.inboxes = inboxes;
        this.pipeline = pipeline;
        this.requests = requests;
    }

    @POST
    @Produces(MediaType.TEXT_XML)
    @Operation(summary = "Receive an inbound SMS/MMS from Twilio for the inbox of the number written to",
            description = "The inbox is the one whose address is the form's To number (else the default Twilio inbox). "
                    + "Verifies X-Twilio-Signature over the public URL and the form fields, publishes the message "
                    + "to gateway.inbound.v1 and answers empty TwiML once the broker has acknowledged it.")
    @APIResponse(responseCode = "200", description = "Stored durably (or a retry of a stored message)")
    @APIResponse(responseCode = "400", description = "A required field is missing; the problem names it")
    @APIResponse(responseCode = "403", description = "Missing or wrong X-Twilio-Signature")
    @APIResponse(responseCode = "404", description = "No inbox has the To number")
    @APIResponse(responseCode = "413", description = "Body larger than adapters.max-webhook-bytes")
    @APIResponse(responseCode = "503", description = "The broker did not acknowledge; retry after Retry-After seconds")
    public CompletionStage<String> receive(UriInfo uri, HttpHeaders headers, byte[] body) {
        pipeline.checkSize(body);
        FormBody form = FormBody.parse(new String(body, StandardCharsets.UTF_8));
        Inbox inbox = inboxes.twilioFor(form.first("To").orElse(null));
        WebhookRequest request = requests.of("POST", inbox, uri, headers, body, form);
        return pipeline.accept(TwilioInboundAdapter.INSTANCE, inbox, request).thenApply(published -> EMPTY_TWIML);
    }

    @POST
    @Path("/{inbox}")
    @Produces(MediaType.TEXT_XML)
    @Operation(summary = "Receive an inbound SMS/MMS from Twilio for a configured inbox")
    @APIResponse(responseCode = "200", description = "Stored durably (or a retry of a stored message)")
    @APIResponse(responseCode = "404", description = "No Twilio inbox has that id")
    public CompletionStage<String> receiveFor(@PathParam("inbox") String inbox, UriInfo uri, HttpHeaders headers, byte[] body) {
        Inbox found = inboxes.require(InboxRegistry.TWILIO, inbox);
        WebhookRequest request = requests.of("POST", found, uri, headers, body);
        return pipeline.accept(TwilioInboundAdapter.INSTANCE, found, request).thenApply(published -> EMPTY_TWIML);
    }

    @POST
    @Path("/status")
    @Blocking
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Status callback of a reply sent through Twilio",
            description = "Signed like inbound webhooks; the inbox is the one of the From number. delivered, "
                    + "undelivered and failed become delivery receipts on gateway.delivery.v1, once per MessageSid and status.")
    @APIResponse(responseCode = "200", description = "Recorded (or a repeat of a recorded status)")
    @APIResponse(responseCode = "503", description = "The broker did not acknowledge the receipt; Twilio retries")
    public String status(UriInfo uri, HttpHeaders headers, byte[] body) {
        pipeline.checkSize(body);
        String from = FormBody.parse(new String(body, StandardCharsets.UTF_8)).first("From").orElse(null);
        Inbox inbox = inboxes.twilioFor(from);
        WebhookRequest request = requests.of("POST", null, uri, headers, body);
        pipeline.acceptAndWait(TwilioStatusCallbackAdapter.INSTANCE, inbox, request);
        return "";
    }
}
