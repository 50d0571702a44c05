package io.omnichannel.gateway.conversation.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The routing service's commands ({@code conversation.routing-url}): on conversations, by key, and on an
 * agent's offers. Keys and ids go into the path percent-encoded by the caller
 * ({@link RoutingService#pathSegment(String)}).
 */
@RegisterRestClient(configKey = "routing")
@Path("/api/v1")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface RoutingClient {

    /** Body of a transfer: exactly one of the two. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Transfer(String agentId, String teamId) {
    }

    record Reopen(String agentId) {
    }

    record Escalation(String reason) {
    }

    record PriorityChange(String priority) {
    }

    @POST
    @Path("/conversations/{key}/transfer")
    Response transfer(@PathParam("key") @Encoded String key, Transfer body);

    @POST
    @Path("/conversations/{key}/resolve")
    Response resolve(@PathParam("key") @Encoded String key);

    @POST
    @Path("/conversations/{key}/reopen")
    Response reopen(@PathParam("key") @Encoded String key, Reopen body);

    @POST
    @Path("/conversations/{key}/escalate")
    Response escalate(@PathParam("key") @Encoded String key, Escalation body);

    @PUT
    @Path("/conversations/{key}/priority")
    Response priority(@PathParam("key") @Encoded String key, PriorityChange body);

    @POST
    @Path("/agents/{agent}/offers/{workItem}/accept")
    Response acceptOffer(@PathParam("agent") @Encoded String agentId, @PathParam("workItem") @Encoded String workItemId);

    @POST
    @Path("/agents/{agent}/offers/{workItem}/reject")
    Response rejectOffer(@PathParam("agent") @Encoded String agentId, @PathParam("workItem") @Encoded String workItemId);
}
