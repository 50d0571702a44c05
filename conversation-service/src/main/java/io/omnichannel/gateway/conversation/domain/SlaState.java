package io.omnichannel.gateway.conversation.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The response-time target of a conversation as routing reports it: ok (running), warning, breached, met (an agent answered in time). */
public enum SlaState {
    OK, WARNING, BREACHED, MET;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException naming the accepted values */
    @JsonCreator
    public static SlaState fromWireName(String value) {
        for (SlaState candidate : values()) {
            if (candidate.wireName().equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown SLA state '" + value + "', expected one of " + accepted());
    }

    public static String accepted() {
        return Arrays.stream(values()).map(SlaState::wireName).collect(Collectors.joining(", "));
    }

    @Converter(autoApply = true)
    public static class DatabaseForm implements AttributeConverter<SlaState, String> {

        @Override
        public String convertToDatabaseColumn(SlaState value) {
            return value == null ? null : value.wireName();
        }

        @Override
        public SlaState convertToEntityAttribute(String value) {
            return value == null ? null : fromWireName(value);
        }
    }
}
