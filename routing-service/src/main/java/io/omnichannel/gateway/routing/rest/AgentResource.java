package io.omnichannel.gateway.routing.rest;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.routing.domain.Presence;
import io.omnichannel.gateway.routing.service.AgentService;
import io.omnichannel.gateway.routing.service.InvalidRequestException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/agents/{id}")
public class AgentResource {

    static final int MAX_CAPACITY = 50;
    private static final Pattern AGENT_ID = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

    private final AgentService agents;

    AgentResource(AgentService agents) {
        this.agents = agents;
    }

    @PUT
    @Operation(summary = "Register an agent or replace its name, capacities and skills")
    @APIResponse(responseCode = "201", description = "Registered")
    @APIResponse(responseCode = "200", description = "Updated")
    @APIResponse(responseCode = "400", description = "Invalid field; the problem names it")
    public Response register(@PathParam("id") String id, @Valid @NotNull AgentRequest request) {
        requireValidId(id);
        AgentService.Registration registration = agents.register(id, request.name().trim(),
                capacities(request.channels()), request.skills() == null ? List.of() : request.skills());
        return Response.status(registration.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(AgentView.of(registration.agent())).build();
    }

    @GET
    @Operation(summary = "An agent with capacities, skills and presence")
    @APIResponse(responseCode = "404", description = "No such agent")
    public AgentView get(@PathParam("id") String id) {
        return AgentView.of(agents.get(id));
    }

    @PUT
    @Path("/presence")
    @Operation(summary = "Set the agent's presence", description = "ONLINE agents are assigned waiting work at once.")
    @APIResponse(responseCode = "404", description = "No such agent")
    @APIResponse(responseCode = "400", description = "Unknown presence")
    public AgentView presence(@PathParam("id") String id, @Valid @NotNull PresenceRequest request) {
        return AgentView.of(agents.changePresence(id, presence(request.presence())));
    }

    private static void requireValidId(String id) {
        if (!AGENT_ID.matcher(id).matches()) {
            throw new InvalidRequestException("id", "an agent id is 1 to 100 letters, digits or . _ @ -");
        }
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
