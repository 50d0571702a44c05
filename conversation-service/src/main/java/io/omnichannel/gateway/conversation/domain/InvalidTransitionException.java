package io.omnichannel.gateway.conversation.domain;

/** An action that the conversation's current state does not allow (resolving a resolved one, ...). */
public class InvalidTransitionException extends RuntimeException {

    public InvalidTransitionException(String message) {
        super(message);
    }
}
