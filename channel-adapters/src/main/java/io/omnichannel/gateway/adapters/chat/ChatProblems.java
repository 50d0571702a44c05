package io.omnichannel.gateway.adapters.chat;

import io.omnichannel.gateway.kit.rest.Problems;
import io.quarkus.logging.Log;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The REST fallback's own refusals as {@code application/problem+json}; 429 says when to try again. */
public class ChatProblems {

    static final int RETRY_AFTER_SECONDS = 1;

    @ServerExceptionMapper
    public Response refused(ChatRefusedException e, UriInfo uri) {
        Log.infof("rejected %s: %s", uri.getPath(), e.getMessage());
        Response response = Problems.response(e.problem(), uri);
        return e.problem().status() == 429
                ? Response.fromResponse(response).header("Retry-After", RETRY_AFTER_SECONDS).build()
                : response;
    }
}
