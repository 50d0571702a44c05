package io.omnichannel.gateway.adapters.inbound;

import io.omnichannel.gateway.contract.InboundMessage;
import java.util.List;

/**
 * What one webhook call contained, in the contract's terms: customers' messages and status reports
 * on messages we sent. Either may be empty (a status-only call, a part of a longer SMS).
 */
public record Normalized(List<InboundMessage> messages, List<StatusReport> statuses) {

    public Normalized {
        messages = List.copyOf(messages);
        statuses = List.copyOf(statuses);
    }

    public static Normalized of(InboundMessage message) {
        return new Normalized(List.of(message), List.of());
    }

    public static Normalized of(StatusReport status) {
        return new Normalized(List.of(), List.of(status));
    }

    public static Normalized nothing() {
        return new Normalized(List.of(), List.of());
    }
}
