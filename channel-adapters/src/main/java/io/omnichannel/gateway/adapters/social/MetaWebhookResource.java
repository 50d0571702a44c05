package io.omnichannel.gateway.adapters.social;

import io.omnichannel.gateway.adapters.inbound.InboundPipeline;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.inbox.InboxRegistry;
import io.omnichannel.gateway.adapters.inbox.UnknownInboxException;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import io.omnichannel.gateway.adapters.rest.WebhookRequests;
import io.omnichannel.gateway.contract.InboundMessage;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The callback URL of a WhatsApp, Messenger or Instagram inbox: Meta's verification handshake (GET)
 * and its signed webhooks (POST). Blocking: status reports and the customers' reply windows are in
 * the database.
 */
@Path("/webhooks/social/{product}/{inbox}")
@Blocking
public class MetaWebhookResource {

    static final String VERIFY_TOKEN_OPTION = "verify-token";

    private final InboxRegistry inboxes;
    private final InboundPipeline pipeline;
    private final WebhookRequests requests;
    private final CustomerWindows windows;
    private final Map<MetaProduct, MetaWebhookAdapter> adapters = new EnumMap<>(MetaProduct.class);

    MetaWebhookResource(InboxRegistry inboxes, InboundPipeline pipeline, WebhookRequests requests, CustomerWindows windows,
            GraphApi graph) {
        this.inboxes = inboxes;
        this.pipeline = pipeline;
        this.requests = requests;
        this.windows = windows;
        for (MetaProduct product : MetaProduct.values()) {
            adapters.put(product, new MetaWebhookAdapter(product, inboxes, graph::baseUrl));
        }
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Meta's verification handshake for the inbox's callback URL",
            description = "Answers hub.challenge as text when hub.mode is 'subscribe' and hub.verify_token equals the "
                    + "inbox's options.verify-token.")
    @APIResponse(responseCode = "200", description = "The challenge, verbatim")
    @APIResponse(responseCode = "400", description = "hub.mode or hub.challenge missing; the problem names it")
    @APIResponse(responseCode = "403", description = "hub.verify_token does not match (or the inbox has none)")
    @APIResponse(responseCode = "404", description = "No inbox of that product has that id")
    public String verify(@PathParam("product") String product, @PathParam("inbox") String inboxId,
            @QueryParam("hub.mode") String mode, @QueryParam("hub.verify_token") String token,
            @QueryParam("hub.challenge") String challenge) {
        Inbox inbox = inbox(product, inboxId);
        if (mode == null || mode.isBlank()) {
            throw WebhookRejectedException.missingField("hub.mode");
        }
        if (challenge == null || challenge.isBlank()) {
            throw WebhookRejectedException.missingField("hub.challenge");
        }
        if (!"subscribe".equals(mode)) {
            throw WebhookRejectedException.malformed("hub.mode", "hub.mode must be 'subscribe', got '" + mode + "'");
        }
        String expected = inbox.option(VERIFY_TOKEN_OPTION).orElse(null);
        if (expected == null) {
            throw WebhookRejectedException.badSignature("the inbox '" + inbox.id() + "' has no verify token; set "
                    + "adapters.inboxes.\"" + inbox.id() + "\".options.verify-token to the token entered at Meta");
        }
        if (token == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            throw WebhookRejectedException.badSignature("hub.verify_token does not match the inbox's verify token");
        }
        return challenge;
    }

    @POST
    @Operation(summary = "Receive a Meta webhook (messages, statuses, echoes, reads, deliveries) for the inbox",
            description = "Verifies X-Hub-Signature-256 (HMAC-SHA256 of the raw body with the inbox's app secret), "
                    + "publishes each distinct customer message of the batch to gateway.inbound.v1 (retries and repeated "
                    + "ids are one message), turns statuses of our replies into delivery receipts, and answers 200 once "
                    + "the broker has them. Echoes, reads and deliveries are never published as customers' messages.")
    @APIResponse(responseCode = "200", description = "Stored durably (or a retry of stored messages)")
    @APIResponse(responseCode = "400", description = "Not JSON, the wrong 'object', or a required field missing; the problem names it")
    @APIResponse(responseCode = "401", description = "X-Hub-Signature-256 missing")
    @APIResponse(responseCode = "403", description = "X-Hub-Signature-256 does not match the app secret")
    @APIResponse(responseCode = "404", description = "No inbox has that id, or none has the webhook's numbers or pages")
    @APIResponse(responseCode = "413", description = "Body larger than adapters.max-webhook-bytes")
    @APIResponse(responseCode = "503", description = "The broker did not acknowledge; Meta retries")
    public Response receive(@PathParam("product") String product, @PathParam("inbox") String inboxId, UriInfo uri,
            HttpHeaders headers, byte[] body) {
        pipeline.checkSize(body);
        Inbox inbox = inbox(product, inboxId);
        MetaProduct meta = MetaProduct.ofProvider(inbox.provider()).orElseThrow();
        List<InboundMessage> published = pipeline.acceptAndWait(adapters.get(meta), inbox,
                requests.of("POST", inbox, uri, headers, body));
        windows.opened(published);
        return Response.ok().build();
    }

    /** The inbox of a Meta product ({@code whatsapp}, {@code messenger}, {@code instagram}); 404 otherwise. */
    private Inbox inbox(String product, String inboxId) {
        if (MetaProduct.ofProvider(product).isEmpty()) {
            throw new UnknownInboxException("'" + product + "' is not a Meta product: the social webhooks are "
                    + "/webhooks/social/whatsapp/{inbox}, /webhooks/social/messenger/{inbox} and /webhooks/social/instagram/{inbox}");
        }
        return inboxes.require(product, inboxId);
    }
}
