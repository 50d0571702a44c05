package io.omnichannel.gateway.contract;

/** CloudEvents {@code type} attributes of the gateway's events. */
public final class EventTypes {

    public static final String INBOUND_MESSAGE = "io.omnichannel.gateway.inbound.message";
    public static final String OUTBOUND_MESSAGE = "io.omnichannel.gateway.outbound.message";
    public static final String DELIVERY_RECEIPT = "io.omnichannel.gateway.delivery.receipt";
    public static final String AGENT_STATE = "io.omnichannel.gateway.agent.state";
    /** Followed by the routing event's wire name, e.g. {@code io.omnichannel.gateway.routing.assigned}. */
    public static final String ROUTING_PREFIX = "io.omnichannel.gateway.routing.";

    private EventTypes() {
    }
}
