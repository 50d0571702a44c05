package io.omnichannel.gateway.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What happened to a conversation in the routing service. Serialized in kebab case.
 * <ul>
 * <li>{@code queued}: its response clock started (a new conversation, or the customer wrote again
 * after an agent's answer); {@code dueAt} is the new deadline, {@code agentId} who holds it, if anyone
 * <li>{@code offered}: offered to {@code agentId}, who must accept before the offer expires
 * <li>{@code assigned}: {@code agentId} holds it (offer accepted, auto-accepted, or transferred)
 * <li>{@code rerouted}: back in the queue (offer rejected or expired, agent went away, transfer to a team, escalation)
 * <li>{@code sla-warning}, {@code sla-breached}: the response clock passed the warning fraction, the target
 * <li>{@code released}: resolved; {@code agentId}'s capacity is free again
 * </ul>
 */
public enum RoutingEventType {
    QUEUED, OFFERED, ASSIGNED, REROUTED, SLA_WARNING, SLA_BREACHED, RELEASED;

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
