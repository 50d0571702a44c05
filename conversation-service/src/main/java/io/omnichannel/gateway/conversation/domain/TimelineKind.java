package io.omnichannel.gateway.conversation.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a non-message timeline entry records. Serialized in kebab case (sla-warning, transfer-requested). */
public enum TimelineKind {
    NOTE,
    OFFERED,
    OFFER_REJECTED,
    ASSIGNED,
    TRANSFER_REQUESTED,
    TRANSFERRED,
    UNASSIGNED,
    ESCALATED,
    SLA_WARNING,
    SLA_BREACHED,
    PRIORITY_CHANGED,
    TAGGED,
    SNOOZED,
    WOKE_UP,
    RESOLVED,
    REOPENED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException naming the accepted values */
    @JsonCreator
    public static TimelineKind fromWireName(String value) {
        for (TimelineKind candidate : values()) {
            if (candidate.wireName().equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown timeline entry kind '" + value + "', expected one of " + accepted());
    }

    public static String accepted() {
        return Arrays.stream(values()).map(TimelineKind::wireName).collect(Collectors.joining(", "));
    }

    @Converter(autoApply = true)
    public static class DatabaseForm implements AttributeConverter<TimelineKind, String> {

        @Override
        public String convertToDatabaseColumn(TimelineKind value) {
            return value == null ? null : value.wireName();
        }

        @Override
        public TimelineKind convertToEntityAttribute(String value) {
            return value == null ? null : fromWireName(value);
        }
    }
}
