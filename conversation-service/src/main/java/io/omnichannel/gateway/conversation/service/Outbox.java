package io.omnichannel.gateway.conversation.service;

import io.omnichannel.gateway.contract.EventJson;
import io.omnichannel.gateway.contract.EventTypes;
import io.omnichannel.gateway.contract.OutboundMessage;
import io.omnichannel.gateway.contract.Topics;
import io.omnichannel.gateway.conversation.domain.OutboxEvent;
import io.omnichannel.gateway.conversation.repository.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Records events to publish in the outbox, inside the caller's transaction; the relay sends them after commit. */
@ApplicationScoped
public class Outbox {

    /** Fired in the transaction; the relay observes it after commit. */
    public record Written() {
    }

    private final OutboxRepository outbox;
    private final Event<Written> written;

    Outbox(OutboxRepository outbox, Event<Written> written) {
        this.outbox = outbox;
        this.written = written;
    }

    /** An agent's reply for the channel adapters; the CloudEvent id is the reply's id, which they de-duplicate by. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reply(OutboundMessage reply) {
        outbox.persist(OutboxEvent.of(reply.id(), Topics.OUTBOUND, reply.conversationKey(), EventTypes.OUTBOUND_MESSAGE,
                EventJson.write(reply), reply.createdAt()));
        written.fire(new Written());
    }

    /** An agent's presence for the routing service. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void agentState(AgentState state) {
        outbox.persist(OutboxEvent.of(UUID.randomUUID().toString(), Topics.AGENTS, state.agentId(), EventTypes.AGENT_STATE,
                EventJson.write(state), state.occurredAt()));
        written.fire(new Written());
    }
}
