package io.omnichannel.gateway.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What happened to a waiting conversation in the routing service. Serialized in kebab case. */
public enum RoutingEventType {
    QUEUED, ASSIGNED, REROUTED, SLA_WARNING, SLA_BREACHED, RELEASED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static RoutingEventType fromWireName(String value) {
        for (RoutingEventType type : values()) {
            if (type.wireName().equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown routing event type '" + value + "'");
    }

    /** The CloudEvents {@code type} attribute of this event. */
    public String cloudEventType() {
        return EventTypes.ROUTING_PREFIX + wireName();
    }
}
