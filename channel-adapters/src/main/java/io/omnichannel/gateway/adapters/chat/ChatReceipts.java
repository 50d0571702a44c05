package io.omnichannel.gateway.adapters.chat;

import io.omnichannel.gateway.adapters.inbound.StatusReport;
import io.omnichannel.gateway.adapters.outbound.StatusReports;
import io.omnichannel.gateway.contract.DeliveryStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The widget's acknowledgements of agent messages as delivery receipts: {@code delivered} when it
 * received them, {@code read} when it showed them on a visible page (read implies delivered). Each
 * reply and status is reported once, through {@link StatusReports} like any provider's status
 * callback, before it is recorded, so a receipt the broker did not take is reported on the next ack.
 * The visitor's sessions on this instance are told (the ticks of the other tabs).
 */
@ApplicationScoped
public class ChatReceipts {

    private final ChatReplies replies;
    private final StatusReports statusReports;
    private final ChatSessions sessions;

    ChatReceipts(ChatReplies replies, StatusReports statusReports, ChatSessions sessions) {
        this.replies = replies;
        this.statusReports = statusReports;
        this.sessions = sessions;
    }

    /** @return the replies whose status changed */
    public List<String> acknowledge(Visitor visitor, long cursor, boolean read) {
        List<String> changed = new ArrayList<>();
        changed.addAll(report(visitor, cursor, DeliveryStatus.DELIVERED));
        if (read) {
            changed.addAll(report(visitor, cursor, DeliveryStatus.READ));
        }
        return changed;
    }

    private List<String> report(Visitor visitor, long cursor, DeliveryStatus status) {
        boolean read = status == DeliveryStatus.READ;
        List<String> ids = replies.unacknowledged(visitor.inbox(), visitor.handle(), cursor, read);
        if (ids.isEmpty()) {
            return ids;
        }
        Instant now = Instant.now();
        statusReports.report(ids.stream()
                .map(id -> new StatusReport(WebChat.PROVIDER, id, status.wireName(), status, null, now)).toList());
        replies.acknowledged(ids, read);
        ids.forEach(id -> sessions.broadcast(visitor.conversationKey(), new ServerFrame.Status(id, status.wireName())));
        return ids;
    }
}
