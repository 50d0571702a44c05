package io.omnichannel.gateway.routing.rest;

import io.omnichannel.gateway.contract.ProblemDetail;
import io.omnichannel.gateway.kit.rest.Problems;
import io.omnichannel.gateway.routing.service.ConflictException;
import io.omnichannel.gateway.routing.service.InvalidRequestException;
import io.omnichannel.gateway.routing.service.NotFoundException;
import io.omnichannel.gateway.routing.service.UnknownAgentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The routing service's own failures as {@code application/problem+json}; common ones are in the service kit. */
public class RoutingProblemMapper {

    @ServerExceptionMapper
    public Response unknownAgent(UnknownAgentException e, UriInfo uri) {
        return Problems.response(ProblemDetail.of("unknown-agent", "Unknown agent", 404, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e, UriInfo uri) {
        return Problems.response(ProblemDetail.of("invalid-request", "Invalid request", 400, e.getMessage())
                .withField(e.field()), uri);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return Problems.response(ProblemDetail.of("not-found", "Not found", 404, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri) {
        return Problems.response(ProblemDetail.of("conflict", "Conflict", 409, e.getMessage()), uri);
    }
}
