package io.omnichannel.gateway.routing.domain;

import java.util.Locale;

/**
 * How urgent a conversation is. Without a response policy for the priority itself, the channel's
 * target is scaled by {@link #targetFactor}: an urgent conversation is due in a quarter of the time.
 */
public enum Priority {
    URGENT(0.25), HIGH(0.5), NORMAL(1.0), LOW(2.0);

    public final double targetFactor;

    Priority(double targetFactor) {
        this.targetFactor = targetFactor;
    }

    /** One step more urgent (escalation). */
    public Priority raised() {
        return this == URGENT ? URGENT : values()[ordinal() - 1];
    }

    public static Priority parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("priority must be urgent, high, normal or low, got '" + value + "'");
        }
    }
}
