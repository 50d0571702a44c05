package io.omnichannel.gateway.conversation.rest;

import io.omnichannel.gateway.contract.ProblemDetail;
import io.omnichannel.gateway.conversation.security.Caller;
import io.omnichannel.gateway.conversation.security.Viewer;
import io.omnichannel.gateway.conversation.service.AgentDirectory;
import io.omnichannel.gateway.conversation.service.AgentState;
import io.omnichannel.gateway.conversation.service.LiveEvent;
import io.omnichannel.gateway.conversation.service.PresenceService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The calling agent: who the token says they are, their presence, their live event stream. */
@Path("/api/v1/me")
@RolesAllowed({Viewer.AGENT, Viewer.SUPERVISOR, Viewer.ADMIN})
@Tag(name = "Me")
public class MeResource {

    private final Caller caller;
    private final PresenceService presence;
    private final AgentDirectory directory;
    private final LiveEventStreams streams;

    MeResource(Caller caller, PresenceService presence, AgentDirectory directory, LiveEventStreams streams) {
        this.caller = caller;
        this.presence = presence;
        this.directory = directory;
        this.streams = streams;
    }

    @Schema(name = "Me")
    record MeView(String agentId, Set<String> roles, Set<String> teams,
            @Schema(description = "Whether the caller sees all conversations (supervisor, admin)") boolean seesAll) {
    }

    @Schema(name = "AgentState", description = "Published to gateway.agents.v1 (CloudEvents type "
            + "io.omnichannel.gateway.agent.state, key = agent id) for the routing service")
    record PresenceView(String agentId, @Schema(enumeration = {"ONLINE", "AWAY", "OFFLINE"}) String presence,
            java.time.Instant occurredAt) {

        static PresenceView of(AgentState state) {
            return new PresenceView(state.agentId(), state.presence(), state.occurredAt());
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "me", summary = "Who am I", description = "The agent id, roles and teams of the token.")
    @APIResponse(responseCode = "200", description = "The caller",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeView.class)))
    public MeView me() {
        directory.seen(caller.viewer());
        return new MeView(caller.viewer().agentId(), caller.viewer().roles(), caller.viewer().teams(), caller.viewer().seesAll());
    }

    @PUT
    @Path("presence")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setPresence", summary = "Set my presence",
            description = "ONLINE, AWAY or OFFLINE. Reaches the routing service as an agent-state event (through the "
                    + "outbox, so it is never lost); routing assigns only to ONLINE agents.")
    @APIResponse(responseCode = "202", description = "Recorded; routing learns it within moments",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PresenceView.class)))
    @APIResponse(responseCode = "400", description = "Not ONLINE, AWAY or OFFLINE",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public Response setPresence(@Valid @NotNull Requests.Presence body) {
        return Response.accepted(PresenceView.of(presence.set(caller.viewer(), body.presence()))).build();
    }

    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "liveEvents", summary = "My live event stream (Server-Sent Events)",
            description = "Events about the caller's conversations: offer (accept or reject it), offer-withdrawn (expired or "
                    + "taken back), assignment, transfer (to me), unassigned, message "
                    + "(new customer message), delivery (status of a reply), sla-warning, sla-breached, snooze-ended. "
                    + "Each has 'event' = its type, 'id' = its number in my stream, 'data' = a LiveEvent in JSON. The "
                    + "stream starts with a 'connected' event (no id). To resume after a disconnection send the last id "
                    + "you received as the Last-Event-ID header (browsers' EventSource do it by themselves) or the "
                    + "lastEventId parameter: you get everything after it, in order. If that is older than the kept "
                    + "history (24 h by default), a 'resync' event says to reload the lists. Idle streams get a "
                    + "comment line every 15 s.")
    @APIResponse(responseCode = "200", description = "The stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = LiveEvent.class)))
    public void events(
            @Parameter(description = "The id of the last event received") @HeaderParam("Last-Event-ID") String lastEventIdHeader,
            @Parameter(description = "Same as Last-Event-ID, for clients that cannot set headers") @QueryParam("lastEventId") String lastEventIdParameter,
            @Context SseEventSink sink, @Context Sse sse) {
        directory.seen(caller.viewer());
        Optional<Long> lastEventId = Params.parse("lastEventId", Params.present(lastEventIdHeader).orElse(lastEventIdParameter),
                value -> {
                    long id = Long.parseLong(value);
                    if (id < 0) {
                        throw new IllegalArgumentException("must not be negative, got " + id);
                    }
                    return id;
                });
        streams.open(caller.viewer().agentId(), lastEventId, sink, sse);
    }
}
