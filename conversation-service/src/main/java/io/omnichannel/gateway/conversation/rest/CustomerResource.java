package io.omnichannel.gateway.conversation.rest;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.ProblemDetail;
import io.omnichannel.gateway.conversation.domain.Conversation;
import io.omnichannel.gateway.conversation.domain.ConversationStatus;
import io.omnichannel.gateway.conversation.domain.CustomerIdentity;
import io.omnichannel.gateway.conversation.domain.CustomerNote;
import io.omnichannel.gateway.conversation.domain.IdentityKind;
import io.omnichannel.gateway.conversation.domain.NoteCursor;
import io.omnichannel.gateway.conversation.domain.PageCursor;
import io.omnichannel.gateway.conversation.security.Caller;
import io.omnichannel.gateway.conversation.security.Viewer;
import io.omnichannel.gateway.conversation.service.CustomerHistory;
import io.omnichannel.gateway.conversation.service.CustomerNotFoundException;
import io.omnichannel.gateway.conversation.service.CustomerProfile;
import io.omnichannel.gateway.conversation.service.CustomerService;
import io.omnichannel.gateway.conversation.service.IdentityNotFoundException;
import io.omnichannel.gateway.conversation.service.NotePage;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One customer across channels, with their whole history: every conversation on every channel as a
 * summary ({@code conversations}, paged by {@code GET .../conversations}). Opening one of them follows the
 * usual visibility ({@code openable}).
 */
@Path("/api/v1/customers/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Viewer.AGENT, Viewer.SUPERVISOR, Viewer.ADMIN})
@Tag(name = "Customers")
@APIResponse(responseCode = "404", description = "No customer the caller may see has this id (agents see the customers "
        + "of conversations they may see)",
        content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
public class CustomerResource {

    private final CustomerService customers;
    private final Caller caller;

    CustomerResource(CustomerService customers, Caller caller) {
        this.customers = customers;
        this.caller = caller;
    }

    @Schema(name = "CustomerIdentity", description = "One address of the customer")
    record IdentityView(UUID id,
            @Schema(description = "email, phone, whatsapp, messenger, instagram, chat-visitor or other") IdentityKind kind,
            @Schema(description = "Normalized: E.164 number, lower-case address, platform id") String value,
            @Schema(description = "The channel proved it belongs to the customer") boolean verified,
            @Schema(description = "'auto', or the agent who linked it") String linkedBy,
            Instant createdAt) {

        static IdentityView of(CustomerIdentity i) {
            return new IdentityView(i.id(), i.kind(), i.value(), i.verified(), i.linkedBy(), i.createdAt());
        }
    }

    @Schema(name = "CustomerConversation", description = "One conversation of the customer's history")
    record HistoryEntry(UUID id, Channel channel, String inbox, ConversationStatus status,
            @Schema(description = "The customer's handle on that channel") String handle,
            String assigneeAgentId, String teamId,
            @Schema(description = "1 (unhappy) to 5 (happy), when the customer gave one") Integer satisfactionScore,
            Instant createdAt, Instant lastMessageAt, Instant resolvedAt,
            @Schema(description = "Whether the caller may open it (GET /api/v1/conversations/{id}); agents open their "
                    + "own and their teams' conversations only") boolean openable) {

        static HistoryEntry of(CustomerHistory.Entry entry) {
            Conversation c = entry.conversation();
            return new HistoryEntry(c.id(), c.channel(), c.inbox(), c.status(), c.customerHandle(), c.assigneeAgentId(),
                    c.teamId(), c.satisfactionScore(), c.createdAt(), c.lastMessageAt(), c.resolvedAt(), entry.openable());
        }
    }

    @Schema(name = "CustomerConversationList", description = "One page of a customer's history, newest first")
    record HistoryView(List<HistoryEntry> items,
            @Schema(description = "Pass as 'cursor' to get the next page; absent on the last page") String nextCursor) {

        static HistoryView of(CustomerHistory history) {
            return new HistoryView(history.items().stream().map(HistoryEntry::of).toList(),
                    history.next().map(PageCursor::token).orElse(null));
        }
    }

    @Schema(name = "CustomerNoteList", description = "One page of notes about a customer, newest first")
    record NoteList(List<NoteView> items,
            @Schema(description = "Pass as 'cursor' to get the next page; absent on the last page") String nextCursor) {

        static NoteList of(NotePage page) {
            return new NoteList(page.items().stream().map(NoteView::of).toList(),
                    page.next().map(NoteCursor::token).orElse(null));
        }
    }

    @Schema(name = "CustomerNote")
    record NoteView(UUID id, String author, String text, Instant createdAt) {

        static NoteView of(CustomerNote n) {
            return new NoteView(n.id(), n.author(), n.text(), n.createdAt());
        }
    }

    @Schema(name = "Customer", description = "A customer across all channels, with every conversation of theirs")
    record CustomerView(UUID id, String displayName,
            @Schema(description = "Their first conversation on any channel") Instant firstContactAt,
            @Schema(description = "Conversations on all channels, whoever handled them: as many as 'conversations' "
                    + "and its further pages hold") long conversationCount,
            @Schema(description = "True for a customer's first conversation") boolean newCustomer,
            @Schema(description = "The satisfaction score (1 to 5) of their latest rated conversation") Integer lastSatisfactionScore,
            List<IdentityView> identities,
            @Schema(description = "Their latest 50 conversations on every channel, newest first, whoever handled them")
            List<HistoryEntry> conversations,
            @Schema(description = "When they have more: pass as 'cursor' to GET /api/v1/customers/{id}/conversations for "
                    + "the next page; absent when 'conversations' is all of them") String conversationsCursor,
            @Schema(description = "The latest 50 notes, newest first") List<NoteView> notes,
            @Schema(description = "When there are more notes: pass as 'cursor' to GET /api/v1/customers/{id}/notes for "
                    + "the next page; absent when 'notes' is all of them") String notesCursor) {

        static CustomerView of(CustomerProfile p) {
            return new CustomerView(p.customer().id(), p.customer().displayName(), p.customer().firstContactAt(),
                    p.conversationCount(), p.conversationCount() <= 1, p.lastSatisfactionScore().orElse(null),
                    p.identities().stream().map(IdentityView::of).toList(),
                    p.history().items().stream().map(HistoryEntry::of).toList(),
                    p.history().next().map(PageCursor::token).orElse(null),
                    p.notes().items().stream().map(NoteView::of).toList(),
                    p.notes().next().map(NoteCursor::token).orElse(null));
        }
    }

    @GET
    @Operation(operationId = "getCustomer", summary = "Get a customer",
            description = "Identities on every channel, first contact, number of conversations, last satisfaction score "
                    + "and notes: whether this is a loyal customer or a new one. A merged customer's old id answers with "
                    + "the customer it became.")
    @APIResponse(responseCode = "200", description = "The customer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerView.class)))
    public CustomerView get(@PathParam("id") String id) {
        return CustomerView.of(customers.profile(caller.viewer(), customer(id)));
    }

    @GET
    @Path("conversations")
    @Operation(operationId = "getCustomerConversations", summary = "Page through a customer's conversations",
            description = "Every conversation of the customer on every channel, newest first, whoever handled it: "
                    + "an agent who may see the customer sees their whole history. 'openable' says whether the caller "
                    + "may open a conversation; the others answer 404 to GET /api/v1/conversations/{id}.")
    @APIResponse(responseCode = "200", description = "One page of the history",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HistoryView.class)))
    public HistoryView conversations(@PathParam("id") String id,
            @Parameter(description = "The nextCursor of the previous page (or the customer's conversationsCursor)")
            @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("limit") String limit) {
        return HistoryView.of(customers.history(caller.viewer(), customer(id),
                Params.parse("cursor", cursor, PageCursor::fromToken), Params.limit(limit)));
    }

    @GET
    @Path("notes")
    @Operation(operationId = "getCustomerNotes", summary = "Page through the notes about a customer",
            description = "Newest first; the customer view holds the first 50.")
    @APIResponse(responseCode = "200", description = "One page of notes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoteList.class)))
    public NoteList notes(@PathParam("id") String id,
            @Parameter(description = "The nextCursor of the previous page (or the customer's notesCursor)")
            @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("limit") String limit) {
        return NoteList.of(customers.notes(caller.viewer(), customer(id),
                Params.parse("cursor", cursor, NoteCursor::fromToken), Params.limit(limit)));
    }

    @POST
    @Path("identities")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "linkIdentity", summary = "Link an address to the customer",
            description = "For addresses the gateway could not prove to be the same person. An unknown address becomes "
                    + "the customer's; an address of another customer moves here with its conversations (a customer left "
                    + "without addresses is merged in, notes included).")
    @APIResponse(responseCode = "200", description = "The customer after the link",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "400", description = "Not a valid address of that kind",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public CustomerView link(@PathParam("id") String id, @Valid @NotNull Requests.LinkIdentity body) {
        return CustomerView.of(customers.link(caller.viewer(), customer(id), IdentityKind.fromWireName(body.kind()), body.value()));
    }

    @DELETE
    @Path("identities/{identityId}")
    @Operation(operationId = "unlinkIdentity", summary = "Unlink an address from the customer",
            description = "The address becomes a customer of its own, with its conversations; the answer is that new customer.")
    @APIResponse(responseCode = "200", description = "The new customer the address now belongs to",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "409", description = "It is the customer's only address",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public CustomerView unlink(@PathParam("id") String id, @PathParam("identityId") String identityId) {
        UUID identity = Params.uuid(identityId).orElseThrow(() -> new IdentityNotFoundException(identityId, id));
        return CustomerView.of(customers.unlink(caller.viewer(), customer(id), identity));
    }

    @POST
    @Path("notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addCustomerNote", summary = "Add a note about the customer")
    @APIResponse(responseCode = "201", description = "The note",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoteView.class)))
    @APIResponse(responseCode = "400", description = "The text is missing or too long",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public Response note(@PathParam("id") String id, @Valid @NotNull Requests.Note body) {
        return Response.status(Response.Status.CREATED)
                .entity(NoteView.of(customers.note(caller.viewer(), customer(id), body.text()))).build();
    }

    private static UUID customer(String id) {
        return Params.uuid(id).orElseThrow(() -> new CustomerNotFoundException(id));
    }
}
