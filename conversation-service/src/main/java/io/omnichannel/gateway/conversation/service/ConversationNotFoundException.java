package io.omnichannel.gateway.conversation.service;

/** No conversation has the requested id. */
public class ConversationNotFoundException extends RuntimeException {
    public ConversationNotFoundException(String id) {
        super("no conversation has the id '" + id + "'");
    }
}
