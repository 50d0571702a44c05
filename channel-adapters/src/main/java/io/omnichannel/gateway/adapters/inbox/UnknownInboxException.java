package io.omnichannel.gateway.adapters.inbox;

/** No configured inbox matches the request (404). */
public class UnknownInboxException extends RuntimeException {
    public UnknownInboxException(String detail) {
        super(detail);
    }
}
