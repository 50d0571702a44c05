package io.omnichannel.gateway.conversation.service;

import java.util.Locale;

/** The kinds of event on an agent's live stream; the SSE {@code event:} field carries the wire name. */
public enum LiveEventType {
    /** Routing offers a conversation to the agent, who accepts or rejects it (chat and phone). */
    OFFER,
    /** An offer to the agent ended without them: it expired, was rejected, or routing gave the work elsewhere. */
    OFFER_WITHDRAWN,
    /** Routing assigned a conversation to the agent. */
    ASSIGNMENT,
    /** A conversation was transferred to the agent (from another agent, or as a transfer asked for). */
    TRANSFER,
    /** A conversation was taken away from the agent (released or transferred to someone else). */
    UNASSIGNED,
    /** The customer wrote in one of the agent's conversations. */
    MESSAGE,
    /** A reply in one of the agent's conversations changed its delivery status. */
    DELIVERY,
    /** One of the agent's conversations is close to its response-time target. */
    SLA_WARNING,
    /** One of the agent's conversations broke its response-time target. */
    SLA_BREACHED,
    /** A snoozed conversation of the agent is open again. */
    SNOOZE_ENDED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
