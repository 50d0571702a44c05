package io.omnichannel.gateway.conversation.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a conversation stands: open (an agent has to act), pending (waiting for the customer), snoozed (put aside until a time), resolved. Stored and serialized in lower case. */
public enum ConversationStatus {
    OPEN, PENDING, SNOOZED, RESOLVED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException naming the accepted values */
    @JsonCreator
    public static ConversationStatus fromWireName(String value) {
        for (ConversationStatus candidate : values()) {
            if (candidate.wireName().equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown status '" + value + "', expected one of " + accepted());
    }

    public static String accepted() {
        return Arrays.stream(values()).map(ConversationStatus::wireName).collect(Collectors.joining(", "));
    }

    /** Open, pending and snoozed conversations are live: a customer's new message joins them. */
    public boolean isLive() {
        return this != RESOLVED;
    }

    @Converter(autoApply = true)
    public static class DatabaseForm implements AttributeConverter<ConversationStatus, String> {

        @Override
        public String convertToDatabaseColumn(ConversationStatus value) {
            return value == null ? null : value.wireName();
        }

        @Override
        public ConversationStatus convertToEntityAttribute(String value) {
            return value == null ? null : fromWireName(value);
        }
    }
}
