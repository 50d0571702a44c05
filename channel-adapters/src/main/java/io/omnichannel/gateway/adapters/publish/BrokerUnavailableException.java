package io.omnichannel.gateway.adapters.publish;

/** Kafka did not acknowledge a message in time; the provider should retry later (503 + Retry-After). */
public class BrokerUnavailableException extends RuntimeException {
    public BrokerUnavailableException(Throwable cause) {
        super("the message broker did not acknowledge the message: " + cause.getMessage(), cause);
    }
}
