package io.omnichannel.gateway.routing.service;

/** The request is valid but the state does not allow it now (409), e.g. accepting an expired offer. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
