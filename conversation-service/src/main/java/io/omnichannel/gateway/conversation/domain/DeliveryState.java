package io.omnichannel.gateway.conversation.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where an agent's reply is on its way to the customer: queued (stored, waiting for the channel adapter), then as the delivery receipts report it. */
public enum DeliveryState {
    QUEUED, SENT, DELIVERED, READ, FAILED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException naming the accepted values */
    @JsonCreator
    public static DeliveryState fromWireName(String value) {
        for (DeliveryState candidate : values()) {
            if (candidate.wireName().equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown delivery status '" + value + "', expected one of " + accepted());
    }

    public static String accepted() {
        return Arrays.stream(values()).map(DeliveryState::wireName).collect(Collectors.joining(", "));
    }

    /**
     * Whether a receipt saying {@code next} moves a reply in this state forward. Receipts may arrive out
     * of order: a late "sent" does not undo "delivered". A failure is final, and so is "read".
     */
    public boolean canAdvanceTo(DeliveryState next) {
        if (this == FAILED || this == READ || next == this) {
            return false;
        }
        return next == FAILED || next.ordinal() > ordinal();
    }

    @Converter(autoApply = true)
    public static class DatabaseForm implements AttributeConverter<DeliveryState, String> {

        @Override
        public String convertToDatabaseColumn(DeliveryState value) {
            return value == null ? null : value.wireName();
        }

        @Override
        public DeliveryState convertToEntityAttribute(String value) {
            return value == null ? null : fromWireName(value);
        }
    }
}
