package io.omnichannel.gateway.adapters.phone;

import io.omnichannel.gateway.adapters.config.AdaptersConfig;
import io.omnichannel.gateway.adapters.inbound.InboundPipeline;
import io.omnichannel.gateway.adapters.inbound.Normalized;
import io.omnichannel.gateway.adapters.inbound.WebhookRequest;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.inbox.InboxRegistry;
import io.omnichannel.gateway.adapters.inbox.UnknownInboxException;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import io.omnichannel.gateway.adapters.rest.WebhookRequests;
import io.omnichannel.gateway.contract.InboundMessage;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The feed of finished calls to follow up: one transcript per request, from the customer's own
 * pipeline. Blocking: a transcript may be megabytes of JSON.
 */
@Path("/webhooks/phone/transcripts")
@Blocking
public class TranscriptResource {

    /** What the pipeline gets back: the gateway's id of the call's message and its conversation. */
    public record Accepted(String id, String conversationKey) {
    }

    private static final String DESCRIPTION = "Body: the provider's transcript as it is: Amazon Transcribe output "
            + "(speaker or channel labels), Amazon Connect Contact Lens output, Twilio Voice Intelligence sentences, Google "
            + "CCAI entries (JSON, recognized by shape), or WebVTT with voice spans (Content-Type: text/vtt). Query "
            + "parameters say what the format does not: from (the caller, E.164, required), to (the number called), callId "
            + "(required when the transcript has none), agent (the voices that are agents, e.g. spk_1 or ch_1), language, "
            + "startedAt, format. Signed like the API channel: X-Gateway-Timestamp (Unix seconds) and X-Gateway-Signature: "
            + "sha256=<hex HMAC-SHA256(inbox secret, timestamp + \".\" + body)>. One call becomes one message on "
            + "gateway.inbound.v1 (channel phone, externalId the call id: a re-posted call is the same message), its text "
            + "the turns ('Customer: ...', 'Agent: ...'). A call cannot be replied to: reply by SMS to the caller's number "
            + "(channel sms; the message's metadata reply-inbox and reply-provider name the SMS inbox); a reply on channel "
            + "phone fails with that reason.";

    private final InboxRegistry inboxes;
    private final InboundPipeline pipeline;
    private final WebhookRequests requests;
    private final SmsReplyInboxes smsInboxes;
    private final Duration replayWindow;
    private final int maxBytes;
    private final Clock clock = Clock.systemUTC();

    TranscriptResource(InboxRegistry inboxes, InboundPipeline pipeline, WebhookRequests requests, SmsReplyInboxes smsInboxes,
            AdaptersConfig adapters, PhoneConfig phone) {
        this.inboxes = inboxes;
        this.pipeline = pipeline;
        this.requests = requests;
        this.smsInboxes = smsInboxes;
        this.replayWindow = adapters.api().replayWindow();
        this.maxBytes = phone.maxTranscriptBytes();
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Post a finished call's transcript to the phone inbox of the number called ('to')",
            description = DESCRIPTION)
    @APIResponse(responseCode = "202", description = "Stored durably (or a re-post of a stored call); the body has the message id")
    @APIResponse(responseCode = "400", description = "Not a transcript, or from/to/callId missing or invalid; the problem names it")
    @APIResponse(responseCode = "401", description = "Signature or timestamp missing, or the timestamp is outside the replay window")
    @APIResponse(responseCode = "403", description = "The signature does not match")
    @APIResponse(responseCode = "404", description = "No phone inbox has the number called")
    @APIResponse(responseCode = "413", description = "Body larger than adapters.phone.max-transcript-bytes")
    @APIResponse(responseCode = "503", description = "The broker did not acknowledge; retry after Retry-After seconds")
    public CompletionStage<Response> post(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("callId") String callId, @QueryParam("agent") String agent, @QueryParam("language") String language,
            @QueryParam("startedAt") String startedAt, @QueryParam("format") String format, UriInfo uri, HttpHeaders headers,
            byte[] body) {
        pipeline.checkSize(body, maxBytes);
        String called = PhoneNumbers.e164("to", to);
        if (called == null) {
            throw WebhookRejectedException.malformed("to", "name the phone inbox in the path "
                    + "(/webhooks/phone/transcripts/{inbox}) or the number called in the query parameter 'to'");
        }
        Inbox inbox = inboxes.byAddress(TranscriptAdapter.PROVIDER, called).orElseThrow(() -> new UnknownInboxException(
                "no phone inbox has the number " + called + "; configure an inbox with provider transcripts and that address"));
        return receive(inbox, new CallDetails(callId, from, to, agent, language, startedAt, format), uri, headers, body);
    }

    @POST
    @Path("/{inbox}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Post a finished call's transcript to a phone inbox", description = DESCRIPTION)
    @APIResponse(responseCode = "202", description = "Stored durably (or a re-post of a stored call); the body has the message id")
    @APIResponse(responseCode = "400", description = "Not a transcript, or from/callId missing or invalid; the problem names it")
    @APIResponse(responseCode = "401", description = "Signature or timestamp missing, or the timestamp is outside the replay window")
    @APIResponse(responseCode = "403", description = "The signature does not match")
    @APIResponse(responseCode = "404", description = "No phone inbox has that id")
    @APIResponse(responseCode = "413", description = "Body larger than adapters.phone.max-transcript-bytes")
    @APIResponse(responseCode = "503", description = "The broker did not acknowledge; retry after Retry-After seconds")
    public CompletionStage<Response> postFor(@Parameter(description = "The phone inbox's id") @PathParam("inbox") String inboxId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("callId") String callId,
            @QueryParam("agent") String agent, @QueryParam("language") String language,
            @QueryParam("startedAt") String startedAt, @QueryParam("format") String format, UriInfo uri, HttpHeaders headers,
            byte[] body) {
        pipeline.checkSize(body, maxBytes);
        Inbox inbox = inboxes.require(TranscriptAdapter.PROVIDER, inboxId);
        return receive(inbox, new CallDetails(callId, from, to, agent, language, startedAt, format), uri, headers, body);
    }

    private CompletionStage<Response> receive(Inbox inbox, CallDetails call, UriInfo uri, HttpHeaders headers, byte[] body) {
        TranscriptAdapter adapter = new TranscriptAdapter(call, replayWindow, clock, smsInboxes::of);
        WebhookRequest request = requests.of("POST", inbox, uri, headers, body);
        adapter.verify(inbox, request);
        Normalized normalized = adapter.normalize(inbox, adapter.parse(request), clock.instant());
        return pipeline.publish(normalized.messages()).thenApply(published -> {
            InboundMessage message = published.get(0);
            return Response.accepted(new Accepted(message.id(), message.conversationKey())).build();
        });
    }
}
