package io.omnichannel.gateway.conversation.service;

/** No customer the caller may see has the requested id. */
public class CustomerNotFoundException extends RuntimeException {
    public CustomerNotFoundException(String id) {
        super("no customer has the id '" + id + "'");
    }
}
