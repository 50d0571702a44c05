package io.omnichannel.gateway.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where an outbound message is on its way to the customer. Serialized in lower case. */
public enum DeliveryStatus {
    /** Accepted by the provider. */
    SENT,
    /** The provider reports it reached the customer's device or mailbox. */
    DELIVERED,
    /** The provider reports the customer read it (WhatsApp, Messenger, Instagram). */
    READ,
    /** It will not arrive; {@code reason} says why. */
    FAILED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static DeliveryStatus fromWireName(String value) {
        return DeliveryStatus.valueOf(value.toUpperCase(Locale.ROOT));
    }
}
