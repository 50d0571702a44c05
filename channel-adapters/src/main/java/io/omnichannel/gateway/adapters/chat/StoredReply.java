package io.omnichannel.gateway.adapters.chat;

import io.omnichannel.gateway.contract.Attachment;
import java.time.Instant;
import java.util.List;

/**
 * An agent's reply as the widget gets it.
 *
 * @param cursor its number in the conversation: 1, 2, 3...
 * @param status {@code sent}, {@code delivered} or {@code read}, as the widget acknowledged it
 */
public record StoredReply(String id, long cursor, String text, List<Attachment> attachments, String agentId, Instant sentAt,
        String status) {

    ServerFrame.AgentMessage frame() {
        return new ServerFrame.AgentMessage(id, cursor, text, sentAt, agentId, attachments.isEmpty() ? null : attachments,
                status);
    }
}
