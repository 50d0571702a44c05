package io.omnichannel.gateway.conversation.routing;

/** The routing service could not be reached or failed; the command can be retried. */
public class RoutingUnavailableException extends RuntimeException {
    public RoutingUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
