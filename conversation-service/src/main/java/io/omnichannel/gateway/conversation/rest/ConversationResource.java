package io.omnichannel.gateway.conversation.rest;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.ProblemDetail;
import io.omnichannel.gateway.conversation.domain.ConversationFilter;
import io.omnichannel.gateway.conversation.domain.ConversationSort;
import io.omnichannel.gateway.conversation.domain.ConversationStatus;
import io.omnichannel.gateway.conversation.domain.PageCursor;
import io.omnichannel.gateway.conversation.domain.SlaState;
import io.omnichannel.gateway.conversation.domain.TimelineCursor;
import io.omnichannel.gateway.conversation.rest.ConversationViews.ConversationDetail;
import io.omnichannel.gateway.conversation.rest.ConversationViews.ConversationList;
import io.omnichannel.gateway.conversation.rest.ConversationViews.MessageList;
import io.omnichannel.gateway.conversation.rest.ConversationViews.TimelineView;
import io.omnichannel.gateway.conversation.security.Caller;
import io.omnichannel.gateway.conversation.security.Viewer;
import io.omnichannel.gateway.conversation.service.AgentDirectory;
import io.omnichannel.gateway.conversation.service.ConversationNotFoundException;
import io.omnichannel.gateway.conversation.service.ConversationQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The agents' desktop API: lists of conversations, one conversation, its timeline. */
@Path("/api/v1/conversations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Viewer.AGENT, Viewer.SUPERVISOR, Viewer.ADMIN})
@Tag(name = "Conversations")
public class ConversationResource {

    private final ConversationQueries queries;
    private final AgentDirectory directory;
    private final Caller caller;

    ConversationResource(ConversationQueries queries, AgentDirectory directory, Caller caller) {
        this.queries = queries;
        this.directory = directory;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listConversations", summary = "List conversations",
            description = "The conversations the caller may see (agents: their own and their teams'; supervisors: all) "
                    + "that match every given filter. Follow 'nextCursor' for the next page: a page never repeats or "
                    + "skips a conversation that did not change while you paged; with sort=created, new conversations "
                    + "arriving meanwhile never shift the pages either.")
    @APIResponse(responseCode = "200", description = "One page of conversations",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConversationList.class)))
    @APIResponse(responseCode = "400", description = "A parameter has a value the API does not accept; the problem names it",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public ConversationList list(
            @Parameter(description = "Only conversations assigned to this agent; 'me' for the caller") @QueryParam("assignee") String assignee,
            @Parameter(description = "Comma-separated statuses: open, pending, snoozed, resolved") @QueryParam("status") String status,
            @Parameter(description = "email, chat, social, sms or phone") @QueryParam("channel") String channel,
            @Parameter(description = "Only conversations of this inbox") @QueryParam("inbox") String inbox,
            @Parameter(description = "Only conversations of this team") @QueryParam("team") String team,
            @Parameter(description = "ok, warning, breached or met") @QueryParam("sla") String sla,
            @Parameter(description = "Text search: customer name or handle, words of the messages") @QueryParam("q") String text,
            @Parameter(description = "Only the conversations of this customer (all channels) that the caller may open; "
                    + "the customer's whole history is GET /api/v1/customers/{id}/conversations") @QueryParam("customer") String customer,
            @Parameter(description = "Only the conversations of this key, channel:inbox:customer-handle") @QueryParam("key") String key,
            @Parameter(description = "updated (most recently updated first, the default), created (newest first) or "
                    + "due (earliest due first)") @QueryParam("sort") String sort,
            @Parameter(description = "The nextCursor of the previous page (with the same sort)") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to " + Params.MAX_LIMIT + ", default " + Params.DEFAULT_LIMIT,
                    schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("limit") String limit) {
        directory.seen(caller.viewer());
        ConversationFilter filter = new ConversationFilter(
                Params.present(assignee).map(a -> "me".equals(a) ? caller.viewer().agentId() : a),
                Params.parseAll("status", status, ConversationStatus::fromWireName),
                Params.parse("channel", channel, Channel::fromWireName),
                Params.present(inbox), Params.present(team),
                Params.parse("sla", sla, SlaState::fromWireName),
                Params.present(text),
                Params.present(customer).map(c -> Params.uuid(c)
                        .orElseThrow(() -> new InvalidParameterException("customer", "'" + c + "' is not a customer id"))),
                Params.present(key));
        ConversationSort order = Params.parse("sort", sort, ConversationSort::fromWireName).orElse(ConversationSort.UPDATED);
        return ConversationList.of(queries.list(caller.viewer(), filter, order, Params.parse("cursor", cursor, PageCursor::fromToken),
                Params.limit(limit)));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getConversation", summary = "Get a conversation",
            description = "With its customer and its latest messages in arrival order, replies with their delivery status.")
    @APIResponse(responseCode = "200", description = "The conversation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConversationDetail.class)))
    @APIResponse(responseCode = "404", description = "No conversation the caller may see has this id",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public ConversationDetail get(@PathParam("id") String id) {
        return Params.uuid(id).flatMap(uuid -> queries.thread(caller.viewer(), uuid))
                .map(ConversationDetail::of)
                .orElseThrow(() -> new ConversationNotFoundException(id));
    }

    @GET
    @Path("{id}/messages")
    @Operation(operationId = "getMessages", summary = "Page back through a conversation's messages",
            description = "The latest 'limit' messages (customers' and agents', with attachments and delivery status) "
                    + "in the order they reached the gateway; with 'before' (the conversation's olderMessagesCursor or a "
                    + "page's olderCursor), the ones before.")
    @APIResponse(responseCode = "200", description = "One page of messages",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MessageList.class)))
    @APIResponse(responseCode = "400", description = "A parameter has a value the API does not accept; the problem names it",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "404", description = "No conversation the caller may see has this id",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public MessageList messages(@PathParam("id") String id,
            @Parameter(description = "Where older messages continue: olderMessagesCursor or the previous page's olderCursor")
            @QueryParam("before") String before,
            @Parameter(description = "Page size, 1 to " + Params.MAX_LIMIT + ", default " + Params.DEFAULT_LIMIT,
                    schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("limit") String limit) {
        UUID conversation = Params.uuid(id).orElseThrow(() -> new ConversationNotFoundException(id));
        Optional<TimelineCursor> older = Params.parse("before", before, TimelineCursor::fromToken);
        return MessageList.of(queries.messages(caller.viewer(), conversation, older, Params.limit(limit)));
    }

    @GET
    @Path("{id}/timeline")
    @Operation(operationId = "getTimeline", summary = "Page through a conversation's timeline",
            description = "Messages (inbound and outbound, with attachments and delivery status), internal notes and "
                    + "system events (offered, offer-rejected, assigned, transfer-requested, transferred, unassigned, escalated, sla-warning, "
                    + "sla-breached, priority-changed, tagged, snoozed, woke-up, resolved, reopened), oldest first.")
    @APIResponse(responseCode = "200", description = "One page of the timeline",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TimelineView.class)))
    @APIResponse(responseCode = "400", description = "A parameter has a value the API does not accept; the problem names it",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(responseCode = "404", description = "No conversation the caller may see has this id",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public TimelineView timeline(@PathParam("id") String id,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to " + Params.MAX_LIMIT + ", default " + Params.DEFAULT_LIMIT,
                    schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("limit") String limit) {
        UUID conversation = Params.uuid(id).orElseThrow(() -> new ConversationNotFoundException(id));
        Optional<TimelineCursor> after = Params.parse("cursor", cursor, TimelineCursor::fromToken);
        return TimelineView.of(queries.timeline(caller.viewer(), conversation, after, Params.limit(limit)));
    }
}
