package io.omnichannel.gateway.routing.service;

/** A request whose field {@code field} is wrong, with what to send instead (400). */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
