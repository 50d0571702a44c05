package io.omnichannel.gateway.conversation.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What kind of address a customer identity is. A phone number serves both the sms and the phone channel. */
public enum IdentityKind {
    EMAIL, PHONE, WHATSAPP, MESSENGER, INSTAGRAM, CHAT_VISITOR, OTHER;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException naming the accepted values */
    @JsonCreator
    public static IdentityKind fromWireName(String value) {
        for (IdentityKind candidate : values()) {
            if (candidate.wireName().equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown identity kind '" + value + "', expected one of " + accepted());
    }

    public static String accepted() {
        return Arrays.stream(values()).map(IdentityKind::wireName).collect(Collectors.joining(", "));
    }

    @Converter(autoApply = true)
    public static class DatabaseForm implements AttributeConverter<IdentityKind, String> {

        @Override
        public String convertToDatabaseColumn(IdentityKind value) {
            return value == null ? null : value.wireName();
        }

        @Override
        public IdentityKind convertToEntityAttribute(String value) {
            return value == null ? null : fromWireName(value);
        }
    }
}
