package io.omnichannel.gateway.adapters.outbound;

/** An attempt failed in a way another attempt may not (timeout, connection refused, 5xx, 429). */
public class TransientDeliveryException extends RuntimeException {
    public TransientDeliveryException(String message) {
        super(message);
    }

    public TransientDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
