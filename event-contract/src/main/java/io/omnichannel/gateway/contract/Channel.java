package io.omnichannel.gateway.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The kinds of channel a customer can write on. Serialized in lower case. */
public enum Channel {
    EMAIL, CHAT, SOCIAL, SMS, PHONE;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static Channel fromWireName(String value) {
        for (Channel channel : values()) {
            if (channel.wireName().equalsIgnoreCase(value)) {
                return channel;
            }
        }
        throw new IllegalArgumentException("unknown channel '" + value + "', expected one of email, chat, social, sms, phone");
    }
}
