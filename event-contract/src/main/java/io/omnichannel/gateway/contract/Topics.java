package io.omnichannel.gateway.contract;

import java.util.List;

/** The Kafka topics of the public contract. Keys and values are described in docs/design.md. */
public final class Topics {

    /** Normalized inbound messages, keyed by conversation key. */
    public static final String INBOUND = "gateway.inbound.v1";
    /** Replies to deliver through a channel, keyed by conversation key. */
    public static final String OUTBOUND = "gateway.outbound.v1";
    /** Delivery receipts of outbound messages, keyed by conversation key. */
    public static final String DELIVERY = "gateway.delivery.v1";
    /** Routing events (queued, assigned, ...), keyed by conversation key. */
    public static final String ROUTING = "gateway.routing.v1";
    /** Agent state changes, compacted, keyed by agent id. */
    public static final String AGENTS = "gateway.agents.v1";
    /** Whatever a consumer could not process, with the reason in headers. */
    public static final String DEAD_LETTER = "gateway.dlq.v1";

    public static final List<String> ALL = List.of(INBOUND, OUTBOUND, DELIVERY, ROUTING, AGENTS, DEAD_LETTER);
    public static final List<String> COMPACTED = List.of(AGENTS);

    private Topics() {
    }
}
