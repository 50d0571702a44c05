package io.omnichannel.gateway.adapters.sms.vonage;

import io.omnichannel.gateway.adapters.inbound.InboundPipeline;
import io.omnichannel.gateway.adapters.inbound.WebhookRequest;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.inbox.InboxRegistry;
import io.omnichannel.gateway.adapters.inbox.UnknownInboxException;
import io.omnichannel.gateway.adapters.rest.WebhookRequests;
import io.omnichannel.gateway.contract.InboundMessage;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Vonage's inbound SMS webhook, as GET or POST (form or JSON), per the account's setting. */
@Path("/webhooks/sms/vonage")
@Blocking
public class VonageWebhookResource {

    private final InboxRegistry inboxes;
    private final InboundPipeline pipeline;
    private final WebhookRequests requests;
    private final VonageInboundAdapter adapter;

    VonageWebhookResource(InboxRegistry inboxes, InboundPipeline pipeline, WebhookRequests requests,
            VonageInboundAdapter adapter) {
        this.inboxes = inboxes;
        this.pipeline = pipeline;
        this.requests = requests;
        this.adapter = adapter;
    }

    @POST
    @Operation(summary = "Receive an inbound SMS from Vonage for the inbox of the number written to ('to')")
    @APIResponse(responseCode = "204", description = "Stored durably, or a part of a longer SMS buffered")
    @APIResponse(responseCode = "400", description = "A required field is missing; the problem names it")
    @APIResponse(responseCode = "401", description = "Not signed, or the signed timestamp is too old")
    @APIResponse(responseCode = "403", description = "sig does not match")
    @APIResponse(responseCode = "404", description = "No Vonage inbox has that number")
    @APIResponse(responseCode = "413", description = "Body larger than adapters.max-webhook-bytes")
    @APIResponse(responseCode = "503", description = "The broker did not acknowledge; retry after Retry-After seconds")
    public Response post(UriInfo uri, HttpHeaders headers, byte[] body) {
        return receive("POST", null, uri, headers, body);
    }

    @GET
    @Operation(summary = "Receive an inbound SMS from Vonage (GET webhooks)")
    public Response get(UriInfo uri, HttpHeaders headers) {
        return receive("GET", null, uri, headers, new byte[0]);
    }

    @POST
    @Path("/{inbox}")
    @Operation(summary = "Receive an inbound SMS from Vonage for a configured inbox")
    @APIResponse(responseCode = "204", description = "Stored durably, or a part of a longer SMS buffered")
    @APIResponse(responseCode = "404", description = "No Vonage inbox has that id")
    public Response postFor(@PathParam("inbox") String inbox, UriInfo uri, HttpHeaders headers, byte[] body) {
        return receive("POST", inbox, uri, headers, body);
    }

    @GET
    @Path("/{inbox}")
    @Operation(summary = "Receive an inbound SMS from Vonage for a configured inbox (GET webhooks)")
    public Response getFor(@PathParam("inbox") String inbox, UriInfo uri, HttpHeaders headers) {
        return receive("GET", inbox, uri, headers, new byte[0]);
    }

    private Response receive(String method, String inboxId, UriInfo uri, HttpHeaders headers, byte[] body) {
        pipeline.checkSize(body);
        WebhookRequest request = requests.of(method, null, uri, headers, body);
        Inbox inbox = inboxId != null ? inboxes.require(VonageInboundAdapter.PROVIDER, inboxId) : byNumber(request);
        List<InboundMessage> published = pipeline.acceptAndWait(adapter, inbox, request);
        adapter.published(published);
        return Response.noContent().build();
    }

    private Inbox byNumber(WebhookRequest request) {
        String to = VonageParams.of(request).get("to").orElse(null);
        return inboxes.byAddress(VonageInboundAdapter.PROVIDER, to).orElseThrow(() -> new UnknownInboxException(
                "no Vonage inbox has the number " + to + "; configure an inbox with provider vonage and that address"));
    }
}
