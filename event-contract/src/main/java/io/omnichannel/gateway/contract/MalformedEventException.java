package io.omnichannel.gateway.contract;

/** An event on a topic that does not follow the contract; its consumer sends it to the dead-letter topic. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
