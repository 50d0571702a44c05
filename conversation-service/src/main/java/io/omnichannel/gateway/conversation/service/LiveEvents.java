package io.omnichannel.gateway.conversation.service;

import io.omnichannel.gateway.contract.EventJson;
import io.omnichannel.gateway.conversation.repository.AgentEventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Writes events to agents' live streams in the caller's transaction: an event exists exactly when the
 * change it reports is committed, and a desktop that reconnects gets what it missed.
 */
@ApplicationScoped
public class LiveEvents {

    /** Fired in the transaction; the stream hub observes it after commit to push at once. */
    public record Written(String agentId) {
    }

    private final AgentEventRepository events;
    private final Event<Written> written;

    LiveEvents(AgentEventRepository events, Event<Written> written) {
        this.events = events;
        this.written = written;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String agentId, LiveEvent event, Instant now) {
        if (agentId == null) {
            return;
        }
        events.append(agentId, event.type(), event.conversationId(), new String(EventJson.write(event),
                java.nio.charset.StandardCharsets.UTF_8), now);
        written.fire(new Written(agentId));
    }
}
