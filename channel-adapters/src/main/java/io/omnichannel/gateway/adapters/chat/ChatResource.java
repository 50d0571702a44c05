package io.omnichannel.gateway.adapters.chat;

import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.inbox.InboxRegistry;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import io.omnichannel.gateway.adapters.rest.WebhookRequests;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The web chat without a socket (the widget's fallback, and for integrations): the visitor in the
 * headers {@code X-Chat-Visitor} and, when signed, {@code X-Chat-Signature}; the same frames as JSON bodies.
 */
@Path("/chat/api/{inbox}")
@Blocking
public class ChatResource {

    /** A visitor's message stored: its gateway id and conversation. */
    public record Accepted(String clientMessageId, String id, String conversationKey) {
    }

    /** Agent messages after the cursor asked for; {@code cursor} is the one to ask with next. */
    public record Messages(List<ServerFrame.AgentMessage> messages, long cursor) {
    }

    public record AckBody(Long cursor, String status) {
    }

    public record Acknowledged(List<String> acknowledged) {
    }

    private final InboxRegistry inboxes;
    private final ChatInbound inbound;
    private final ChatReplies replies;
    private final ChatReceipts receipts;
    private final ChatSessions sessions;
    private final ExpectedWaits waits;
    private final ChatOrigins origins;
    private final VisitorRates rates;
    private final WebhookRequests requests;
    private final ChatConfig config;

    ChatResource(InboxRegistry inboxes, ChatInbound inbound, ChatReplies replies, ChatReceipts receipts, ChatSessions sessions,
            ExpectedWaits waits, ChatOrigins origins, VisitorRates rates, WebhookRequests requests, ChatConfig config) {
        this.inboxes = inboxes;
        this.inbound = inbound;
        this.replies = replies;
        this.receipts = receipts;
        this.sessions = sessions;
        this.waits = waits;
        this.origins = origins;
        this.rates = rates;
        this.requests = requests;
        this.config = config;
    }

    @POST
    @Path("/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A visitor's message", description = "Body {\"clientMessageId\", \"text\"}; the same clientMessageId "
            + "is the same message. Answered 202 once it is durably on gateway.inbound.v1.")
    @APIResponse(responseCode = "202", description = "Stored; the gateway's id of the message")
    @APIResponse(responseCode = "400", description = "Malformed body or visitor id; the problem names the field")
    @APIResponse(responseCode = "401", description = "The inbox serves signed visitors only and there is no signature")
    @APIResponse(responseCode = "403", description = "The visitor signature does not match, or the page's origin is not allowed")
    @APIResponse(responseCode = "404", description = "No web chat inbox has that id")
    @APIResponse(responseCode = "413", description = "Body over adapters.chat.max-frame-bytes or text over max-text-length")
    @APIResponse(responseCode = "429", description = "The visitor sends faster than adapters.chat.messages-per-second")
    @APIResponse(responseCode = "503", description = "The broker did not acknowledge; send it again after Retry-After")
    public CompletionStage<Response> post(@PathParam("inbox") String inboxId, UriInfo uri, HttpHeaders headers, byte[] body) {
        Inbox inbox = inbox(inboxId, uri, headers);
        rates.admit(visitor(inbox, headers));
        return inbound.post(inbox, requests.of("POST", inbox, uri, headers, body)).thenApply(message -> Response.accepted(
                new Accepted(message.metadata().get("client-message-id"), message.id(), message.conversationKey())).build());
    }

    @GET
    @Path("/messages")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Agent messages after a cursor", description = "With wait=<seconds> (at most "
            + "adapters.chat.long-poll-max) the answer waits until there is one or the time is up.")
    public CompletionStage<Messages> messages(@PathParam("inbox") String inboxId, @QueryParam("after") @DefaultValue("0") String afterParam,
            @QueryParam("wait") @DefaultValue("0") String waitParam, UriInfo uri, HttpHeaders headers) {
        Inbox inbox = inbox(inboxId, uri, headers);
        Visitor visitor = visitor(inbox, headers);
        rates.admit(visitor);
        long after = number("after", afterParam);
        long wait = Math.min(number("wait", waitParam), config.longPollMax().toSeconds());
        CompletableFuture<Void> next = wait > 0 ? sessions.nextReply(visitor.conversationKey()) : null;
        Messages now = messagesAfter(visitor, after);
        if (next == null || !now.messages().isEmpty()) {
            if (next != null) {
                next.cancel(false);
            }
            return CompletableFuture.completedFuture(now);
        }
        return next.orTimeout(wait, TimeUnit.SECONDS).handleAsync((stored, timedOut) -> messagesAfter(visitor, after));
    }

    @POST
    @Path("/acks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The widget received (delivered) or showed (read) the agent messages up to a cursor",
            description = "Body {\"cursor\", \"status\": \"delivered\"|\"read\"}; each becomes one delivery receipt.")
    public Acknowledged ack(@PathParam("inbox") String inboxId, UriInfo uri, HttpHeaders headers, byte[] body) {
        Inbox inbox = inbox(inboxId, uri, headers);
        Visitor visitor = visitor(inbox, headers);
        rates.admit(visitor);
        if (body.length > config.maxFrameBytes()) {
            throw ChatRefusedException.frameTooLarge(config.maxFrameBytes());
        }
        AckBody ack = inbound.frames().readJson(body, AckBody.class, "body");
        if (ack == null || ack.cursor() == null || ack.cursor() < 1) {
            throw WebhookRejectedException.malformed("cursor", "cursor must be the cursor (1 or more) of the last agent message");
        }
        if (!"delivered".equals(ack.status()) && !"read".equals(ack.status())) {
            throw WebhookRejectedException.malformed("status", "status must be delivered or read");
        }
        return new Acknowledged(receipts.acknowledge(visitor, ack.cursor(), "read".equals(ack.status())));
    }

    @GET
    @Path("/expected-wait")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The routing service's expected wait for a new chat on this inbox; 204 when it has none")
    public CompletionStage<Response> expectedWait(@PathParam("inbox") String inboxId, UriInfo uri, HttpHeaders headers) {
        Inbox inbox = inbox(inboxId, uri, headers);
        return waits.forInbox(inbox.id()).thenApply(estimate -> estimate
                .map(wait -> Response.ok(new ServerFrame.ExpectedWait(wait.seconds(), wait.waitingAhead())).build())
                .orElseGet(() -> Response.noContent().build()));
    }

    /** CORS preflight of the pages the inbox allows ({@link ChatCors} adds the allowed origin). */
    @OPTIONS
    @Path("/{path: .*}")
    public Response preflight(@PathParam("inbox") String inboxId, UriInfo uri, HttpHeaders headers) {
        inbox(inboxId, uri, headers);
        return Response.noContent()
                .header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
                .header("Access-Control-Allow-Headers", String.join(", ", "Content-Type", ChatInboundAdapter.VISITOR_HEADER,
                        ChatInboundAdapter.SIGNATURE_HEADER, ChatInboundAdapter.NAME_HEADER,
                        ChatInboundAdapter.LANGUAGE_HEADER, ChatInboundAdapter.PAGE_HEADER))
                .header("Access-Control-Max-Age", 600)
                .build();
    }

    private static long number(String name, String value) {
        try {
            long number = Long.parseLong(value.trim());
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw WebhookRejectedException.malformed(name, name + " must be a whole number, 0 or more; got '" + value + "'");
    }

    private Messages messagesAfter(Visitor visitor, long after) {
        List<ServerFrame.AgentMessage> found = replies.after(visitor.inbox(), visitor.handle(), Math.max(0, after),
                config.repliesPerRound()).stream().map(StoredReply::frame).toList();
        return new Messages(found, found.isEmpty() ? Math.max(0, after) : found.get(found.size() - 1).cursor());
    }

    private Inbox inbox(String inboxId, UriInfo uri, HttpHeaders headers) {
        Inbox inbox = inboxes.require(WebChat.PROVIDER, inboxId);
        String origin = headers.getHeaderString("Origin");
        if (!origins.allowed(inbox, origin, uri.getRequestUri().getScheme(), headers.getHeaderString("Host"))) {
            throw ChatRefusedException.originNotAllowed(origin, inbox.id());
        }
        return inbox;
    }

    private static Visitor visitor(Inbox inbox, HttpHeaders headers) {
        return Visitor.identify(inbox, headers.getHeaderString(ChatInboundAdapter.VISITOR_HEADER),
                headers.getHeaderString(ChatInboundAdapter.SIGNATURE_HEADER));
    }
}
