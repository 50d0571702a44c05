package io.omnichannel.gateway.conversation.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** Whether the customer wrote the message or an agent did. Stored and serialized in lower case. */
public enum MessageDirection {
    INBOUND, OUTBOUND;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Converter(autoApply = true)
    public static class DatabaseForm implements AttributeConverter<MessageDirection, String> {

        @Override
        public String convertToDatabaseColumn(MessageDirection direction) {
            return direction == null ? null : direction.wireName();
        }

        @Override
        public MessageDirection convertToEntityAttribute(String value) {
            return value == null ? null : valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
