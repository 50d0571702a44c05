package io.omnichannel.gateway.adapters.chat;

import io.omnichannel.gateway.contract.ProblemDetail;

/** A chat frame or call refused for its size or rate; carries the problem the widget gets back. */
public class ChatRefusedException extends RuntimeException {

    private final transient ProblemDetail problem;

    private ChatRefusedException(ProblemDetail problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public ProblemDetail problem() {
        return problem;
    }

    static ChatRefusedException frameTooLarge(int limit) {
        return new ChatRefusedException(ProblemDetail.of("payload-too-large", "Payload too large", 413,
                "the frame is larger than the limit of " + limit + " bytes (adapters.chat.max-frame-bytes)"));
    }

    static ChatRefusedException textTooLong(int limit) {
        return new ChatRefusedException(ProblemDetail.of("payload-too-large", "Payload too large", 413,
                "the text is longer than " + limit + " characters; split it into several messages").withField("text"));
    }

    static ChatRefusedException originNotAllowed(String origin, String inbox) {
        return new ChatRefusedException(ProblemDetail.of("origin-not-allowed", "Origin not allowed", 403,
                "pages of " + origin + " may not chat with the inbox '" + inbox + "'; add the origin to its options.allowed-origins"));
    }

    static ChatRefusedException flooding(int perSecond) {
        return new ChatRefusedException(ProblemDetail.of("too-many-requests", "Too many requests", 429,
                "more than " + perSecond + " messages per second; slow down and send it again in a moment"));
    }
}
