package io.omnichannel.gateway.conversation.service;

/** The customer has no identity with the requested id. */
public class IdentityNotFoundException extends RuntimeException {
    public IdentityNotFoundException(String identityId, String customerId) {
        super("customer '" + customerId + "' has no identity with the id '" + identityId + "'");
    }
}
