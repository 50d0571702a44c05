package io.omnichannel.gateway.conversation.service;

/** A request field with a value the API does not accept (400 naming the field). */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
