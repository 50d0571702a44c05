package io.omnichannel.gateway.conversation.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How urgent a conversation is; the routing service raises urgency in its queue accordingly. */
public enum Priority {
    URGENT, HIGH, NORMAL, LOW;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException naming the accepted values */
    @JsonCreator
    public static Priority fromWireName(String value) {
        for (Priority candidate : values()) {
            if (candidate.wireName().equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown priority '" + value + "', expected one of " + accepted());
    }

    public static String accepted() {
        return Arrays.stream(values()).map(Priority::wireName).collect(Collectors.joining(", "));
    }

    @Converter(autoApply = true)
    public static class DatabaseForm implements AttributeConverter<Priority, String> {

        @Override
        public String convertToDatabaseColumn(Priority value) {
            return value == null ? null : value.wireName();
        }

        @Override
        public Priority convertToEntityAttribute(String value) {
            return value == null ? null : fromWireName(value);
        }
    }
}
