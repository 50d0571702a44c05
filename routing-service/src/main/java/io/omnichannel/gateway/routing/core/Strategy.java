package io.omnichannel.gateway.routing.core;

/** How {@link DecisionCore} chooses among the agents eligible for an item. */
public enum Strategy {
    /** Lowest share of the channel's capacity in use, then longest idle, then id. */
    LEAST_BUSY,
    /** Oldest last assignment (on any channel), then id. */
    LONGEST_IDLE,
    /** The agent this core assigned least recently (never assigned first), then id. */
    ROUND_ROBIN
}
