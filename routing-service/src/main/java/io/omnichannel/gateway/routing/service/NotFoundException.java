package io.omnichannel.gateway.routing.service;

/** What the request names does not exist (404): a team, a calendar, active work for a conversation. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
