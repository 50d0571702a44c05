package io.omnichannel.gateway.conversation.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** Where a conversation stands. Stored and serialized in lower case. */
public enum ConversationStatus {
    OPEN, RESOLVED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static ConversationStatus fromWireName(String value) {
        for (ConversationStatus status : values()) {
            if (status.wireName().equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown status '" + value + "', expected open or resolved");
    }

    @Converter(autoApply = true)
    public static class DatabaseForm implements AttributeConverter<ConversationStatus, String> {

        @Override
        public String convertToDatabaseColumn(ConversationStatus status) {
            return status == null ? null : status.wireName();
        }

        @Override
        public ConversationStatus convertToEntityAttribute(String value) {
            return value == null ? null : fromWireName(value);
        }
    }
}
