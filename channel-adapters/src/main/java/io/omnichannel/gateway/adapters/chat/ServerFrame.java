package io.omnichannel.gateway.adapters.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.omnichannel.gateway.contract.Attachment;
import io.omnichannel.gateway.contract.ProblemDetail;
import java.time.Instant;
import java.util.List;

/** What the server sends to the widget: JSON objects told apart by {@code type}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface ServerFrame {

    String type();

    /** The session is open for this visitor; {@code cursor} is the last agent message stored for them. */
    record Ready(String type, String visitorId, String conversationKey, long cursor, Limits limits) implements ServerFrame {
        Ready(String visitorId, String conversationKey, long cursor, Limits limits) {
            this("ready", visitorId, conversationKey, cursor, limits);
        }
    }

    record Limits(int maxTextLength, int maxFrameBytes, int messagesPerSecond) {
    }

    /** The message is durably on the broker under the gateway id {@code id}: the widget may forget it. */
    record Accepted(String type, String clientMessageId, String id) implements ServerFrame {
        Accepted(String clientMessageId, String id) {
            this("accepted", clientMessageId, id);
        }
    }

    /** An agent's message; {@code cursor} numbers a conversation's agent messages 1, 2, 3... */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AgentMessage(String type, String id, long cursor, String text, Instant sentAt, String agentId,
            List<Attachment> attachments, String status) implements ServerFrame {
        AgentMessage(String id, long cursor, String text, Instant sentAt, String agentId, List<Attachment> attachments,
                String status) {
            this("message", id, cursor, text, sentAt, agentId, attachments, status);
        }
    }

    /** Where an agent message is: {@code sent}, {@code delivered} (the widget has it), {@code read}. */
    record Status(String type, String id, String status) implements ServerFrame {
        Status(String id, String status) {
            this("status", id, status);
        }
    }

    /** The routing service's estimate of the time until an agent picks the conversation up. */
    record ExpectedWait(String type, long expectedWaitSeconds, long waitingAhead) implements ServerFrame {
        ExpectedWait(long expectedWaitSeconds, long waitingAhead) {
            this("wait", expectedWaitSeconds, waitingAhead);
        }
    }

    /** A refused frame, like the REST fallback's problem+json; {@code clientMessageId} when a message was refused. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Error(String type, int status, String title, String detail, String field, String clientMessageId)
            implements ServerFrame {
        static Error of(ProblemDetail problem, String clientMessageId) {
            return new Error("error", problem.status(), problem.title(), problem.detail(), problem.field(), clientMessageId);
        }
    }
}
