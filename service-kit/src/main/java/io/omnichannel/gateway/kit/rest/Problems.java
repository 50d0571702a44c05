package io.omnichannel.gateway.kit.rest;

import io.omnichannel.gateway.contract.ProblemDetail;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Builds {@code application/problem+json} responses. */
public final class Problems {

    private Problems() {
    }

    public static Response response(ProblemDetail problem, UriInfo uri) {
        return Response.status(problem.status())
                .type(ProblemDetail.MEDIA_TYPE)
                .entity(problem.withInstance(uri.getPath()))
                .build();
    }
}
