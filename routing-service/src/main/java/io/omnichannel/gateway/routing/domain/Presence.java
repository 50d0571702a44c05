package io.omnichannel.gateway.routing.domain;

/** Whether an agent takes work: only ONLINE agents are offered conversations. */
public enum Presence {
    ONLINE, AWAY, OFFLINE
}
