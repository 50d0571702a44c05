package io.omnichannel.gateway.routing.rest;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.routing.domain.Presence;
import io.omnichannel.gateway.routing.service.AgentService;
import io.omnichannel.gateway.routing.service.InvalidRequestException;
import io.omnichannel.gateway.routing.service.OfferService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/agents")
public class AgentResource {

    static final int MAX_CAPACITY = 50;
    private static final Pattern AGENT_ID = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

    private final AgentService agents;
    private final OfferService offers;

    AgentResource(AgentService agents, OfferService offers) {
        this.agents = agents;
        this.offers = offers;
    }

    @GET
    @Operation(summary = "All agents")
    public List<AgentView> list() {
        return agents.list().stream().map(AgentView::of).toList();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Register an agent or replace its name, capacities, skills and teams")
    @APIResponse(responseCode = "201", description = "Registered")
    @APIResponse(responseCode = "200", description = "Updated")
    @APIResponse(responseCode = "400", description = "Invalid field; the problem names it")
    public Response register(@PathParam("id") String id, @Valid @NotNull AgentRequest request) {
        if (!AGENT_ID.matcher(id).matches()) {
            throw new InvalidRequestException("id", "an agent id is 1 to 100 letters, digits or . _ @ -");
        }
        AgentService.Registration registration = agents.register(id, request.name().trim(),
                capacities(request.channels()), orEmpty(request.skills()), orEmpty(request.teams()));
        return Response.status(registration.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(AgentView.of(registration.agent())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An agent with capacities, skills, teams and presence")
    @APIResponse(responseCode = "404", description = "No such agent")
    public AgentView get(@PathParam("id") String id) {
        return AgentView.of(agents.get(id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove an agent; what they hold goes back to the queue")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such agent")
    public void delete(@PathParam("id") String id) {
        agents.delete(id);
    }

    @PUT
    @Path("/{id}/presence")
    @Operation(summary = "Set the agent's presence",
            description = "ONLINE agents are assigned waiting work at once; AWAY or OFFLINE returns their open offers "
                    + "(and, unless configured otherwise, the conversations they hold but never answered) to the queue.")
    @APIResponse(responseCode = "404", description = "No such agent")
    @APIResponse(responseCode = "400", description = "Unknown presence")
    public AgentView presence(@PathParam("id") String id, @Valid @NotNull PresenceRequest request) {
        return AgentView.of(agents.changePresence(id, presence(request.presence())));
    }

    @GET
    @Path("/{id}/offers")
    @Operation(summary = "Conversations offered to the agent, waiting for accept or reject")
    public List<WorkItemView> offers(@PathParam("id") String id) {
        agents.get(id);
        Instant now = Instant.now();
        return offers.pendingOffers(id).stream().map(item -> WorkItemView.of(item, now)).toList();
    }

    @POST
    @Path("/{id}/offers/{workItemId}/accept")
    @Operation(summary = "Accept an offer: the conversation is assigned to the agent")
    @APIResponse(responseCode = "409", description = "Not offered to this agent (any more): expired, rejected or taken")
    public WorkItemView accept(@PathParam("id") String id, @PathParam("workItemId") UUID workItemId) {
        return WorkItemView.of(offers.accept(id, workItemId), Instant.now());
    }

    @POST
    @Path("/{id}/offers/{workItemId}/reject")
    @Operation(summary = "Reject an offer: the conversation goes back to the queue and is not offered to this agent again")
    @APIResponse(responseCode = "409", description = "Not offered to this agent (any more)")
    public WorkItemView reject(@PathParam("id") String id, @PathParam("workItemId") UUID workItemId) {
        return WorkItemView.of(offers.reject(id, workItemId), Instant.now());
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }

    private static Map<Channel, Integer> capacities(Map<String, Integer> channels) {
        Map<Channel, Integer> capacities = new EnumMap<>(Channel.class);
        channels.forEach((name, capacity) -> {
            Channel channel;
            try {
                channel = Channel.fromWireName(name);
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("channels", e.getMessage());
            }
            if (capacity == null || capacity < 1 || capacity > MAX_CAPACITY) {
                throw new InvalidRequestException("channels",
                        "capacity for " + name + " must be between 1 and " + MAX_CAPACITY + ", got " + capacity);
            }
            capacities.put(channel, capacity);
        });
        return capacities;
    }

    private static Presence presence(String value) {
        try {
            return Presence.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("presence", "presence must be ONLINE, AWAY or OFFLINE, got '" + value + "'");
        }
    }
}
