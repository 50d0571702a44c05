package io.omnichannel.gateway.adapters.api;

import io.omnichannel.gateway.adapters.config.AdaptersConfig;
import io.omnichannel.gateway.adapters.inbound.InboundPipeline;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.inbox.InboxRegistry;
import io.omnichannel.gateway.adapters.rest.WebhookRequests;
import io.omnichannel.gateway.contract.InboundMessage;
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
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The API channel for integrators whose system is not built in. */
@Path("/api/v1/inboxes/{inbox}/messages")
public class ApiInboxResource {

    /** What the integrator gets back: the gateway's id of the message and its conversation. */
    public record Accepted(String id, String conversationKey) {
    }

    private final InboxRegistry inboxes;
    private final InboundPipeline pipeline;
    private final WebhookRequests requests;
    private final ApiInboundAdapter adapter;

    ApiInboxResource(InboxRegistry inboxes, InboundPipeline pipeline, WebhookRequests requests, AdaptersConfig config) {
        this.inboxes = inboxes;
        this.pipeline = pipeline;
        this.requests = requests;
        this.adapter = new ApiInboundAdapter(config.api().replayWindow(), Clock.systemUTC());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Post a customer's message to an API-channel inbox",
            description = "Body: the normalized message (externalId, customer {handle, displayName}, text, ...). Headers: "
                    + "X-Gateway-Timestamp (Unix seconds) and X-Gateway-Signature: sha256=<hex HMAC-SHA256(inbox secret, "
                    + "timestamp + \".\" + body)>. Answered 202 once the message is durably on gateway.inbound.v1; the "
                    + "same externalId posted again is the same message.")
    @APIResponse(responseCode = "202", description = "Stored durably; the body has the gateway's message id")
    @APIResponse(responseCode = "400", description = "The body is not a valid message; the problem names the field")
    @APIResponse(responseCode = "401", description = "Signature or timestamp missing, or the timestamp is outside the replay window")
    @APIResponse(responseCode = "403", description = "The signature does not match")
    @APIResponse(responseCode = "404", description = "No API inbox has that id")
    @APIResponse(responseCode = "413", description = "Body larger than adapters.max-webhook-bytes")
    @APIResponse(responseCode = "503", description = "The broker did not acknowledge; retry after Retry-After seconds")
    public CompletionStage<Response> post(@PathParam("inbox") String inboxId, UriInfo uri, HttpHeaders headers, byte[] body) {
        pipeline.checkSize(body);
        Inbox inbox = inboxes.require(ApiInboundAdapter.PROVIDER, inboxId);
        return pipeline.accept(adapter, inbox, requests.of("POST", inbox, uri, headers, body)).thenApply(published -> {
            InboundMessage message = published.get(0);
            return Response.accepted(new Accepted(message.id(), message.conversationKey())).build();
        });
    }
}
