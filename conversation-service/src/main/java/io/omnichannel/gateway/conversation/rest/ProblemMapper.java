package io.omnichannel.gateway.conversation.rest;

import io.omnichannel.gateway.contract.ProblemDetail;
import io.omnichannel.gateway.kit.rest.Problems;
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
    public Response invalidParameter(InvalidParameterException e, UriInfo uri) {
        return Problems.response(ProblemDetail.of("invalid-request", "Invalid request", 400,
                "'" + e.parameter() + "': " + e.getMessage()).withField(e.parameter()), uri);
    }
}
