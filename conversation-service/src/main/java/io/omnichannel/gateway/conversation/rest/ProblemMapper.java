package io.omnichannel.gateway.conversation.rest;

import io.omnichannel.gateway.contract.ProblemDetail;
import io.omnichannel.gateway.conversation.domain.InvalidTransitionException;
import io.omnichannel.gateway.conversation.routing.RoutingConflictException;
import io.omnichannel.gateway.conversation.routing.RoutingUnavailableException;
import io.omnichannel.gateway.conversation.service.ConflictException;
import io.omnichannel.gateway.conversation.service.ConversationNotFoundException;
import io.omnichannel.gateway.conversation.service.CustomerNotFoundException;
import io.omnichannel.gateway.conversation.service.IdentityNotFoundException;
import io.omnichannel.gateway.conversation.service.InvalidRequestException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.omnichannel.gateway.kit.rest.Problems;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The conversation API's own failures as {@code application/problem+json}; common ones are in the service kit. */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response notFound(ConversationNotFoundException e, UriInfo uri) {
        return Problems.response(ProblemDetail.of("conversation-not-found", "Conversation not found", 404,
                e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response customerNotFound(CustomerNotFoundException e, UriInfo uri) {
        return Problems.response(ProblemDetail.of("customer-not-found", "Customer not found", 404, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response identityNotFound(IdentityNotFoundException e, UriInfo uri) {
        return Problems.response(ProblemDetail.of("identity-not-found", "Identity not found", 404, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e, UriInfo uri) {
        return Problems.response(ProblemDetail.of("invalid-request", "Invalid request", 400,
                "'" + e.parameter() + "': " + e.getMessage()).withField(e.parameter()), uri);
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e, UriInfo uri) {
        return Problems.response(ProblemDetail.of("invalid-request", "Invalid request", 400,
                "'" + e.field() + "': " + e.getMessage()).withField(e.field()), uri);
    }

    @ServerExceptionMapper
    public Response invalidTransition(InvalidTransitionException e, UriInfo uri) {
        return Problems.response(ProblemDetail.of("invalid-transition", "Not allowed in this state", 409, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri) {
        return Problems.response(ProblemDetail.of("conflict", "Conflict", 409, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response routingConflict(RoutingConflictException e, UriInfo uri) {
        return Problems.response(ProblemDetail.of("routing-conflict", "Refused by routing", 409, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response routingUnavailable(RoutingUnavailableException e, UriInfo uri) {
        return Response.fromResponse(Problems.response(ProblemDetail.of("routing-unavailable",
                "Routing service unavailable", 503, e.getMessage()), uri)).header(HttpHeaders.RETRY_AFTER, "5").build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(Problems.response(ProblemDetail.of("unauthenticated", "Unauthenticated", 401,
                "send a valid bearer token: Authorization: Bearer <JWT signed with the service's key>"), uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problems.response(ProblemDetail.of("forbidden", "Forbidden", 403,
                "the token has none of the roles agent, supervisor, admin"), uri);
    }
}
