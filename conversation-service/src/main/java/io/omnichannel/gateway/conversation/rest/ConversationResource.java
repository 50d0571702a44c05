package io.omnichannel.gateway.conversation.rest;

import io.omnichannel.gateway.contract.ProblemDetail;
import io.omnichannel.gateway.conversation.domain.ConversationFilter;
import io.omnichannel.gateway.conversation.domain.ConversationStatus;
import io.omnichannel.gateway.conversation.domain.PageCursor;
import io.omnichannel.gateway.conversation.rest.ConversationViews.ConversationDetail;
import io.omnichannel.gateway.conversation.rest.ConversationViews.ConversationList;
import io.omnichannel.gateway.conversation.service.ConversationQueries;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The agents' desktop API: conversations with their customer and messages. */
@Path("/api/v1/conversations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Conversations")
public class ConversationResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final ConversationQueries queries;

    ConversationResource(ConversationQueries queries) {
        this.queries = queries;
    }

    @GET
    @Operation(summary = "List conversations",
            description = "Most recently updated first. Filters combine; an absent filter matches all. Follow "
                    + "'nextCursor' for the next page.")
    @APIResponse(responseCode = "200", description = "One page of conversations",
            content = @Content(schema = @Schema(implementation = ConversationList.class)))
    @APIResponse(responseCode = "400", description = "A parameter has a value the API does not accept; the problem names it",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public ConversationList list(
            @Parameter(description = "Only conversations assigned to this agent") @QueryParam("assignee") String assignee,
            @Parameter(description = "open or resolved") @QueryParam("status") String status,
            @Parameter(description = "Only the conversations of this key, channel:inbox:customer-handle") @QueryParam("key") String key,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to " + MAX_LIMIT + ", default " + DEFAULT_LIMIT) @QueryParam("limit") String limit) {
        ConversationFilter filter = new ConversationFilter(present(assignee), present(status).map(ConversationResource::status),
                present(key));
        return ConversationList.of(queries.list(filter, present(cursor).map(ConversationResource::cursor), limit(limit)));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a conversation", description = "With its customer and its messages in arrival order.")
    @APIResponse(responseCode = "200", description = "The conversation",
            content = @Content(schema = @Schema(implementation = ConversationDetail.class)))
    @APIResponse(responseCode = "404", description = "No conversation has this id",
            content = @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
    public ConversationDetail get(@PathParam("id") String id) {
        return uuid(id).flatMap(queries::thread)
                .map(ConversationDetail::of)
                .orElseThrow(() -> new ConversationNotFoundException(id));
    }

    private static Optional<String> present(String parameter) {
        return parameter == null || parameter.isBlank() ? Optional.empty() : Optional.of(parameter.trim());
    }

    /** A malformed id names no conversation: 404 like an unknown one, not 400. */
    private static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ConversationStatus status(String value) {
        try {
            return ConversationStatus.fromWireName(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("status", e.getMessage());
        }
    }

    private static PageCursor cursor(String token) {
        try {
            return PageCursor.fromToken(token);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("cursor", e.getMessage());
        }
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below like an out-of-range number
        }
        throw new InvalidParameterException("limit", "must be a whole number from 1 to " + MAX_LIMIT + ", got '" + value + "'");
    }
}
