package io.omnichannel.gateway.adapters.rest;

import io.omnichannel.gateway.adapters.inbox.UnknownInboxException;
import io.omnichannel.gateway.adapters.publish.BrokerUnavailableException;
import io.omnichannel.gateway.contract.ProblemDetail;
import io.omnichannel.gateway.kit.rest.Problems;
import io.quarkus.logging.Log;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The adapters' own failures as {@code application/problem+json}; common ones are in the service kit. */
public class ProblemMapper {

    static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response rejected(WebhookRejectedException e, UriInfo uri) {
        Log.infof("rejected %s: %s", uri.getPath(), e.getMessage());
        return Problems.response(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response unknownInbox(UnknownInboxException e, UriInfo uri) {
        Log.infof("rejected %s: %s", uri.getPath(), e.getMessage());
        return Problems.response(ProblemDetail.of("unknown-inbox", "Unknown inbox", 404, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response brokerUnavailable(BrokerUnavailableException e, UriInfo uri) {
        return Response.fromResponse(Problems.response(ProblemDetail.of("broker-unavailable", "Service unavailable", 503,
                        "the message could not be stored durably right now; retry in " + RETRY_AFTER_SECONDS + " s"), uri))
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .build();
    }
}
