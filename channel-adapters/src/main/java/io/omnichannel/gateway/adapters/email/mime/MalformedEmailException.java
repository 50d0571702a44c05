package io.omnichannel.gateway.adapters.email.mime;

/** Raised when nothing sensible can be decoded from a message; the detail says why, in words a person can act on. */
public class MalformedEmailException extends RuntimeException {

    public MalformedEmailException(String detail) {
        super(detail);
    }
}
