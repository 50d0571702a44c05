package io.omnichannel.gateway.conversation.rest;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.ProblemDetail;
import io.omnichannel.gateway.conversation.domain.Message;
import io.omnichannel.gateway.conversation.domain.Priority;
import io.omnichannel.gateway.conversation.rest.ConversationViews.ActionAccepted;
import io.omnichannel.gateway.conversation.rest.ConversationViews.ConversationSummary;
import io.omnichannel.gateway.conversation.rest.ConversationViews.EventView;
import io.omnichannel.gateway.conversation.rest.ConversationViews.ReplyAccepted;
import io.omnichannel.gateway.conversation.security.Caller;
import io.omnichannel.gateway.conversation.security.Viewer;
import io.omnichannel.gateway.conversation.service.ConversationActions;
import io.omnichannel.gateway.conversation.service.ConversationActions.ReplyCommand;
import io.omnichannel.gateway.conversation.service.ConversationNotFoundException;
import io.omnichannel.gateway.conversation.service.InvalidRequestException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What agents do to a conversation. Every action answers 404 for a conversation the caller may not see
 * (so ids cannot be probed) and 409 when the conversation's state does not allow it.
 */
@Path("/api/v1/conversations/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Viewer.AGENT, Viewer.SUPERVISOR, Viewer.ADMIN})
@Tag(name = "Actions")
@APIResponse(responseCode = "400", description = "The body or a parameter is not acceptable; the problem names the field",
        content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
@APIResponse(responseCode = "404", description = "No conversation the caller may see has this id",
        content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
@APIResponse(responseCode = "409", description = "The conversation's state does not allow it (e.g. it is resolved), "
        + "or the routing service refused it",
        content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
public class ConversationActionResource {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final ConversationActions actions;
    private final Caller caller;

    ConversationActionResource(ConversationActions actions, Caller caller) {
        this.actions = actions;
        this.caller = caller;
    }

    @POST
    @Path("messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reply", summary = "Reply to the customer",
            description = "Stores the reply and queues it for delivery in one transaction; it reaches the channel "
                    + "adapter through gateway.outbound.v1 exactly once per id. Its delivery status (queued, sent, "
                    + "delivered, read, failed) shows on the message and as live 'delivery' events. Optionally on "
                    + "another channel of the same customer ('channel'); a phone conversation is answered by SMS. "
                    + "Send an Idempotency-Key to make retries safe: a repeated key returns the first reply.")
    @APIResponse(responseCode = "202", description = "Stored and queued; Location names the conversation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReplyAccepted.class)))
    public Response reply(@PathParam("id") String id,
            @Parameter(description = "Any unique string per reply (e.g. a UUID); a retry with the same key is not sent twice")
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @Valid @NotNull Requests.Reply body, UriInfo uri) {
        boolean hasText = body.text() != null && !body.text().isBlank();
        boolean hasAttachments = body.attachments() != null && !body.attachments().isEmpty();
        if (!hasText && !hasAttachments) {
            throw new InvalidRequestException("text", "a reply needs a text or an attachment");
        }
        if (idempotencyKey != null && idempotencyKey.length() > 200) {
            throw new InvalidRequestException(IDEMPOTENCY_KEY, "must be at most 200 characters");
        }
        ReplyCommand command = new ReplyCommand(body.text(), body.html(), body.subject(),
                body.attachments() == null ? List.of() : body.attachments(),
                Params.present(body.channel()).map(Channel::fromWireName));
        ConversationActions.ReplyAccepted accepted = actions.reply(caller.viewer(), conversation(id), command,
                Params.present(idempotencyKey));
        Message reply = accepted.message();
        return Response.accepted(new ReplyAccepted(reply.id(), reply.conversationId(), reply.channel(), reply.recipient(),
                reply.deliveryStatus(), accepted.repeated()))
                .location(uri.getBaseUriBuilder().path("api/v1/conversations/{id}").build(reply.conversationId()))
                .build();
    }

    @POST
    @Path("notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addNote", summary = "Add an internal note",
            description = "Shown on the timeline to agents only; never sent to the customer. Allowed in every status.")
    @APIResponse(responseCode = "201", description = "The note",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventView.class)))
    public Response note(@PathParam("id") String id, @Valid @NotNull Requests.Note body, UriInfo uri) {
        EventView note = EventView.of(actions.note(caller.viewer(), conversation(id), body.text()));
        return Response.status(Response.Status.CREATED).entity(note)
                .location(uri.getBaseUriBuilder().path("api/v1/conversations/{id}/timeline").build(id)).build();
    }

    @POST
    @Path("transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "transfer", summary = "Assign or transfer to an agent or a team",
            description = "Goes through the routing service, which keeps agents' capacity right; the assignment comes "
                    + "back as a routing event ('transferred' on the timeline, a 'transfer' live event to the new agent).")
    @APIResponse(responseCode = "202", description = "Routing accepted the transfer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionAccepted.class)))
    @APIResponse(responseCode = "503", description = "The routing service cannot be reached; retry later",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public Response transfer(@PathParam("id") String id, @Valid @NotNull Requests.Transfer body) {
        UUID conversation = conversation(id);
        actions.transfer(caller.viewer(), conversation, Params.present(body.agentId()).orElse(null),
                Params.present(body.teamId()).orElse(null));
        return Response.accepted(new ActionAccepted(conversation, "transfer")).build();
    }

    @POST
    @Path("offer/accept")
    @Operation(operationId = "acceptOffer", summary = "Accept the offer of this conversation",
            description = "Chat and phone conversations are offered before they are assigned (a live 'offer' event). "
                    + "Accepting goes through the routing service, which assigns the conversation to the caller; the "
                    + "assignment comes back as an 'assignment' live event. 409 when it is not (any more) offered to "
                    + "the caller: the offer expired, was rejected, or went to someone else.")
    @APIResponse(responseCode = "202", description = "Routing accepted it; the assignment follows",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionAccepted.class)))
    @APIResponse(responseCode = "503", description = "The routing service cannot be reached; retry later",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public Response acceptOffer(@PathParam("id") String id) {
        UUID conversation = conversation(id);
        actions.acceptOffer(caller.viewer(), conversation);
        return Response.accepted(new ActionAccepted(conversation, "accept-offer")).build();
    }

    @POST
    @Path("offer/reject")
    @Operation(operationId = "rejectOffer", summary = "Reject the offer of this conversation",
            description = "Routing queues the conversation again and does not offer it to the caller again; it leaves "
                    + "the caller's desk ('offer-rejected' on the timeline). 409 when it is not (any more) offered to "
                    + "the caller.")
    @APIResponse(responseCode = "202", description = "Routing took the offer back",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionAccepted.class)))
    @APIResponse(responseCode = "503", description = "The routing service cannot be reached; retry later",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public Response rejectOffer(@PathParam("id") String id) {
        UUID conversation = conversation(id);
        actions.rejectOffer(caller.viewer(), conversation);
        return Response.accepted(new ActionAccepted(conversation, "reject-offer")).build();
    }

    @POST
    @Path("escalate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "escalate", summary = "Escalate to a supervisor",
            description = "Goes through the routing service; recorded on the timeline with the reason.")
    @APIResponse(responseCode = "202", description = "Routing accepted the escalation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionAccepted.class)))
    @APIResponse(responseCode = "503", description = "The routing service cannot be reached; retry later",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public Response escalate(@PathParam("id") String id, @Valid @NotNull Requests.Escalate body) {
        UUID conversation = conversation(id);
        actions.escalate(caller.viewer(), conversation, body.reason());
        return Response.accepted(new ActionAccepted(conversation, "escalate")).build();
    }

    @POST
    @Path("snooze")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "snooze", summary = "Snooze until a time",
            description = "The conversation is put aside and opens again at 'until' (a 'snooze-ended' live event), or "
                    + "as soon as the customer writes.")
    @APIResponse(responseCode = "200", description = "The snoozed conversation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConversationSummary.class)))
    public ConversationSummary snooze(@PathParam("id") String id, @Valid @NotNull Requests.Snooze body) {
        return ConversationSummary.of(actions.snooze(caller.viewer(), conversation(id), body.until()));
    }

    @POST
    @Path("resolve")
    @Operation(operationId = "resolve", summary = "Resolve",
            description = "The routing service releases the agent's capacity and stops the SLA clocks. A customer "
                    + "writing again within the reopen window reopens it; later, a new conversation starts.")
    @APIResponse(responseCode = "200", description = "The resolved conversation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConversationSummary.class)))
    @APIResponse(responseCode = "503", description = "The routing service cannot be reached; retry later",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public ConversationSummary resolve(@PathParam("id") String id) {
        return ConversationSummary.of(actions.resolve(caller.viewer(), conversation(id)));
    }

    @POST
    @Path("reopen")
    @Operation(operationId = "reopen", summary = "Reopen a resolved conversation",
            description = "409 when it is not resolved, or when the customer has written since and a newer conversation "
                    + "of the same key is open.")
    @APIResponse(responseCode = "200", description = "The reopened conversation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConversationSummary.class)))
    public ConversationSummary reopen(@PathParam("id") String id) {
        return ConversationSummary.of(actions.reopen(caller.viewer(), conversation(id)));
    }

    @PUT
    @Path("priority")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setPriority", summary = "Change the priority",
            description = "Routing raises urgency in its queue accordingly.")
    @APIResponse(responseCode = "200", description = "The conversation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConversationSummary.class)))
    @APIResponse(responseCode = "503", description = "The routing service cannot be reached; retry later",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public ConversationSummary priority(@PathParam("id") String id, @Valid @NotNull Requests.Priority body) {
        return ConversationSummary.of(actions.prioritize(caller.viewer(), conversation(id), Priority.fromWireName(body.priority())));
    }

    @PUT
    @Path("tags")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setTags", summary = "Replace the tags")
    @APIResponse(responseCode = "200", description = "The conversation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConversationSummary.class)))
    public ConversationSummary tags(@PathParam("id") String id, @Valid @NotNull Requests.Tags body) {
        return ConversationSummary.of(actions.tag(caller.viewer(), conversation(id), body.tags()));
    }

    private static UUID conversation(String id) {
        return Params.uuid(id).orElseThrow(() -> new ConversationNotFoundException(id));
    }
}
