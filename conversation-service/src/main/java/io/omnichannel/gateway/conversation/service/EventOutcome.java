package io.omnichannel.gateway.conversation.service;

/** What consuming an event did. */
public enum EventOutcome {
    /** Its effects are now committed. */
    APPLIED,
    /** It had been processed before (a redelivery); nothing changed. */
    DUPLICATE
}
