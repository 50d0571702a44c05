package io.omnichannel.gateway.adapters.rest;

import io.omnichannel.gateway.contract.ProblemDetail;

/** A webhook request we refuse; carries the problem the caller gets back. */
public class WebhookRejectedException extends RuntimeException {

    private final transient ProblemDetail problem;

    private WebhookRejectedException(ProblemDetail problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public ProblemDetail problem() {
        return problem;
    }

    public static WebhookRejectedException badSignature(String detail) {
        return new WebhookRejectedException(ProblemDetail.of("bad-signature", "Signature check failed", 403, detail));
    }

    /** Credentials are missing or stale: the caller must sign (again). */
    public static WebhookRejectedException unauthenticated(String detail) {
        return new WebhookRejectedException(ProblemDetail.of("unauthenticated", "Authentication required", 401, detail));
    }

    public static WebhookRejectedException missingField(String field) {
        return new WebhookRejectedException(ProblemDetail.of("malformed-request", "Malformed request", 400,
                "the required field '" + field + "' is missing or empty").withField(field));
    }

    public static WebhookRejectedException malformed(String field, String detail) {
        return new WebhookRejectedException(
                ProblemDetail.of("malformed-request", "Malformed request", 400, detail).withField(field));
    }

    public static WebhookRejectedException tooLarge(int limit) {
        return new WebhookRejectedException(ProblemDetail.of("payload-too-large", "Payload too large", 413,
                "the request body is larger than the limit of " + limit + " bytes"));
    }
}
