package io.omnichannel.gateway.conversation.routing;

/** The routing service refused the command: it has no active work for the conversation, or it conflicts. */
public class RoutingConflictException extends RuntimeException {
    public RoutingConflictException(String message) {
        super(message);
    }
}
