package io.omnichannel.gateway.adapters.email;

import io.omnichannel.gateway.adapters.config.AdaptersConfig;
import io.omnichannel.gateway.adapters.email.mime.EmailParser;
import io.omnichannel.gateway.adapters.inbound.InboundAdapter;
import io.omnichannel.gateway.adapters.inbound.InboundPipeline;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.inbox.InboxRegistry;
import io.omnichannel.gateway.adapters.rest.WebhookRequests;
import io.omnichannel.gateway.contract.InboundMessage;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Mail pushed to us: raw MIME, SendGrid Inbound Parse and Mailgun routes. Blocking: attachments, the
 * threads of replies and bounces' receipts are in the database. Answered 200 once the message is on
 * the broker, or at once for mail that opens no conversation (auto-replies, list mail, our own mail).
 */
@Path("/webhooks/email")
@Blocking
public class EmailWebhookResource {

    /** The gateway's id and conversation of the message; both null for mail that was not routed (automated). */
    public record Accepted(String id, String conversationKey) {
    }

    private final InboxRegistry inboxes;
    private final InboundPipeline pipeline;
    private final WebhookRequests requests;
    private final int maxBytes;
    private final RawMimeWebhook rawMime;
    private final SendGridInboundParse sendGrid;
    private final MailgunRoute mailgun;

    EmailWebhookResource(InboxRegistry inboxes, InboundPipeline pipeline, WebhookRequests requests, EmailIntake intake,
            EmailConfig email, AdaptersConfig config) {
        this.inboxes = inboxes;
        this.pipeline = pipeline;
        this.requests = requests;
        this.maxBytes = email.maxMessageBytes();
        EmailParser parser = new EmailParser(email.limits());
        Clock clock = Clock.systemUTC();
        this.rawMime = new RawMimeWebhook(parser, intake, config.api().replayWindow(), clock);
        this.sendGrid = new SendGridInboundParse(parser, intake, email.maxAttachmentBytes());
        this.mailgun = new MailgunRoute(parser, intake, email.maxAttachmentBytes(), email.mailgunSignatureMaxAge(), clock);
    }

    @POST
    @Path("/mime/{inbox}")
    @Consumes({"message/rfc822", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Post one raw mail (message/rfc822)",
            description = "Signed like the API channel: X-Gateway-Timestamp (Unix seconds) and X-Gateway-Signature: "
                    + "sha256=<hex HMAC-SHA256(inbox secret, timestamp + \".\" + raw mail)>.")
    @APIResponse(responseCode = "200", description = "Stored durably (or not routed: an auto-reply, list mail or a bounce)")
    @APIResponse(responseCode = "400", description = "Not a readable mail, or no From address")
    @APIResponse(responseCode = "401", description = "Signature or timestamp missing, or outside the replay window")
    @APIResponse(responseCode = "403", description = "The signature does not match")
    @APIResponse(responseCode = "404", description = "No mime inbox has that id")
    @APIResponse(responseCode = "413", description = "Larger than adapters.email.max-message-bytes")
    @APIResponse(responseCode = "503", description = "The broker did not acknowledge; retry after Retry-After seconds")
    public CompletionStage<Response> mime(@PathParam("inbox") String inbox, UriInfo uri, HttpHeaders headers, byte[] body) {
        return accept(rawMime, RawMimeWebhook.PROVIDER, inbox, uri, headers, body);
    }

    @POST
    @Path("/sendgrid/{inbox}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "SendGrid Inbound Parse (default or raw)",
            description = "Configure the Inbound Parse URL as https://sendgrid:<inbox secret>@<host>/webhooks/email/sendgrid/<inbox>.")
    @APIResponse(responseCode = "200", description = "Stored durably (or not routed: an auto-reply, list mail or a bounce)")
    @APIResponse(responseCode = "400", description = "Not a readable Inbound Parse form; the problem names the field")
    @APIResponse(responseCode = "401", description = "No Basic credentials")
    @APIResponse(responseCode = "403", description = "The Basic password is not the inbox's secret")
    @APIResponse(responseCode = "404", description = "No sendgrid inbox has that id")
    @APIResponse(responseCode = "413", description = "Larger than adapters.email.max-message-bytes")
    @APIResponse(responseCode = "503", description = "The broker did not acknowledge; SendGrid retries")
    public CompletionStage<Response> sendGrid(@PathParam("inbox") String inbox, UriInfo uri, HttpHeaders headers, byte[] body) {
        return accept(sendGrid, SendGridInboundParse.PROVIDER, inbox, uri, headers, body);
    }

    @POST
    @Path("/mailgun/{inbox}")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A Mailgun route's forward() (fields, or body-mime)",
            description = "Signed by Mailgun: signature = hex HMAC-SHA256(inbox secret = the webhook signing key, timestamp + token).")
    @APIResponse(responseCode = "200", description = "Stored durably (or not routed: an auto-reply, list mail or a bounce)")
    @APIResponse(responseCode = "400", description = "Not a readable route post; the problem names the field")
    @APIResponse(responseCode = "401", description = "timestamp, token or signature missing, or the timestamp is stale")
    @APIResponse(responseCode = "403", description = "The signature does not match")
    @APIResponse(responseCode = "404", description = "No mailgun inbox has that id")
    @APIResponse(responseCode = "413", description = "Larger than adapters.email.max-message-bytes")
    @APIResponse(responseCode = "503", description = "The broker did not acknowledge; Mailgun retries")
    public CompletionStage<Response> mailgun(@PathParam("inbox") String inbox, UriInfo uri, HttpHeaders headers, byte[] body) {
        return accept(mailgun, MailgunRoute.PROVIDER, inbox, uri, headers, body);
    }

    private CompletionStage<Response> accept(InboundAdapter<ReceivedEmail> adapter, String provider, String inboxId,
            UriInfo uri, HttpHeaders headers, byte[] body) {
        pipeline.checkSize(body, maxBytes);
        Inbox inbox = inboxes.require(provider, inboxId);
        return pipeline.accept(adapter, inbox, requests.of("POST", inbox, uri, headers, body), maxBytes)
                .thenApply(EmailWebhookResource::answer);
    }

    private static Response answer(List<InboundMessage> published) {
        return published.isEmpty() ? Response.ok(new Accepted(null, null)).build()
                : Response.ok(new Accepted(published.get(0).id(), published.get(0).conversationKey())).build();
    }
}
