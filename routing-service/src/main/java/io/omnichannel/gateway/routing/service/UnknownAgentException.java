package io.omnichannel.gateway.routing.service;

/** No agent has that id (404). */
public class UnknownAgentException extends RuntimeException {
    public UnknownAgentException(String id) {
        super("no agent with id '" + id + "'");
    }
}
