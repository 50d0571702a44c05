package io.omnichannel.gateway.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;

/**
 * The body of every HTTP error the gateway returns: RFC 9457 {@code application/problem+json}.
 *
 * @param type   a URI naming the kind of problem, e.g. {@code https://omnichannel.io/problems/bad-signature}
 * @param detail what went wrong in words a person can act on
 * @param field  the request field at fault, when one is
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemDetail(URI type, String title, int status, String detail, String instance, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://omnichannel.io/problems/";

    public static ProblemDetail of(String kind, String title, int status, String detail) {
        return new ProblemDetail(URI.create(TYPE_BASE + kind), title, status, detail, null, null);
    }

    public ProblemDetail withInstance(String path) {
        return new ProblemDetail(type, title, status, detail, path, field);
    }

    public ProblemDetail withField(String name) {
        return new ProblemDetail(type, title, status, detail, instance, name);
    }
}
