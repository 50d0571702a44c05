package io.omnichannel.gateway.routing.rest;

import io.omnichannel.gateway.routing.service.ConversationRoutingService;
import io.omnichannel.gateway.routing.service.InvalidRequestException;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Actions on a conversation's routing, addressed by its conversation key ({@code channel:inbox:handle},
 * URL-encoded). Used by the conversation service on behalf of agents and supervisors.
 */
@Path("/api/v1/conversations/{conversationKey}")
public class ConversationRoutingResource {

    public record TransferRequest(String agentId, String teamId, Boolean force) {
    }

    public record ReopenRequest(String agentId) {
    }

    public record EscalateRequest(String reason) {
    }

    public record PriorityRequest(String priority) {
    }

    private final ConversationRoutingService conversations;

    ConversationRoutingResource(ConversationRoutingService conversations) {
        this.conversations = conversations;
    }

    @POST
    @Path("/resolve")
    @Operation(summary = "The conversation is resolved: its agent's capacity is freed and its clock stops")
    @APIResponse(responseCode = "204", description = "Released")
    @APIResponse(responseCode = "404", description = "No waiting or assigned conversation with that key")
    public void resolve(@PathParam("conversationKey") String key) {
        conversations.resolve(key);
    }

    @POST
    @Path("/transfer")
    @Operation(summary = "Transfer to an agent (assigned now if they have room; force: a supervisor takes it) or to a team (queued for it)")
    @APIResponse(responseCode = "202", description = "Transferred")
    @APIResponse(responseCode = "409", description = "The agent is not online or has no free slot on the channel")
    public Response transfer(@PathParam("conversationKey") String key, @NotNull TransferRequest request) {
        var item = conversations.transfer(key, blankToNull(request.agentId()), blankToNull(request.teamId()),
                Boolean.TRUE.equals(request.force()));
        return Response.accepted(WorkItemView.of(item, Instant.now())).build();
    }

    @POST
    @Path("/reopen")
    @Operation(summary = "An agent reopens a resolved conversation: theirs again, counted against their capacity, no clock until the customer writes")
    @APIResponse(responseCode = "200", description = "Reopened and assigned to the agent")
    @APIResponse(responseCode = "400", description = "agentId missing")
    @APIResponse(responseCode = "404", description = "No resolved conversation with that key, or no such agent")
    @APIResponse(responseCode = "409", description = "The conversation has live work (it is not resolved), or the agent is not online with a free slot")
    public WorkItemView reopen(@PathParam("conversationKey") String key, @NotNull ReopenRequest request) {
        return WorkItemView.of(conversations.reopen(key, request.agentId()), Instant.now());
    }

    @POST
    @Path("/escalate")
    @Operation(summary = "Escalate to a supervisor: urgent, needs an agent with the 'supervisor' skill")
    @APIResponse(responseCode = "202", description = "Escalated")
    public Response escalate(@PathParam("conversationKey") String key, EscalateRequest request) {
        String reason = request == null || request.reason() == null ? "escalated" : request.reason();
        return Response.accepted(WorkItemView.of(conversations.escalate(key, reason), Instant.now())).build();
    }

    @PUT
    @Path("/priority")
    @Operation(summary = "Change the priority: urgent, high, normal or low; the due time follows")
    public WorkItemView priority(@PathParam("conversationKey") String key, @NotNull PriorityRequest request) {
        if (request.priority() == null) {
            throw new InvalidRequestException("priority", "priority is required: urgent, high, normal or low");
        }
        return WorkItemView.of(conversations.changePriority(key, PolicyResource.priority(request.priority())), Instant.now());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
