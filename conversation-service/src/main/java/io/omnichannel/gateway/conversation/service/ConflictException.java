package io.omnichannel.gateway.conversation.service;

/** The request is valid but conflicts with the current state (409). */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
