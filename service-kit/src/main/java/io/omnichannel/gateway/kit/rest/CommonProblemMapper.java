package io.omnichannel.gateway.kit.rest;

import io.omnichannel.gateway.contract.ProblemDetail;
import io.quarkus.logging.Log;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The problem+json form of failures every service shares: framework HTTP errors (unknown path,
 * unreadable JSON, wrong media type), Bean Validation, and anything unexpected, which is logged and
 * answered without a stack trace. Each service maps its own domain exceptions beside this.
 */
public class CommonProblemMapper {

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return Problems.response(ProblemDetail.of("http-" + status, title, status, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        ConstraintViolation<?> first = e.getConstraintViolations().iterator().next();
        String field = lastNode(first.getPropertyPath().toString());
        return Problems.response(ProblemDetail.of("invalid-request", "Invalid request", 400,
                "'" + field + "' " + first.getMessage()).withField(field), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        Log.errorf(e, "unexpected failure on %s", uri.getPath());
        return Problems.response(ProblemDetail.of("internal-error", "Internal error", 500,
                "the request could not be processed; it was logged and can be retried"), uri);
    }

    /** {@code register.arg0.capacity} → {@code capacity}: the name a client knows. */
    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
