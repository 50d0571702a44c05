package io.omnichannel.gateway.routing.service;

import io.omnichannel.gateway.routing.repository.AgentRepository;
import io.omnichannel.gateway.routing.repository.AgentRepository.Routable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ONLINE agents with their profiles, as the assignment passes see them. Reading every online agent
 * on every pass cost more than the rest of a pass with a couple of thousand agents, so the list is
 * kept between passes: read again once per scheduled pass (which also brings in other instances'
 * changes) and after every change to an agent made in this instance (registration, profile, presence);
 * the passes' own commits update when the agents they assigned to were last given work.
 *
 * <p>The list only feeds decisions. Every decision is checked again under the agent's row lock (still
 * ONLINE, capacity read under the lock) before it is committed, so a stale entry can cost a retry in a
 * later pass, never an assignment to an agent who is not ONLINE.
 */
@ApplicationScoped
public class OnlineAgents {

    private final AgentRepository agents;
    private final TransactionSynchronizationRegistry transactions;
    private volatile boolean readAll = true;
    private Map<String, Routable> online = new LinkedHashMap<>();

    OnlineAgents(AgentRepository agents, TransactionSynchronizationRegistry transactions) {
        this.agents = agents;
        this.transactions = transactions;
    }

    /** Read every ONLINE agent again at the next pass. */
    public void readAgain() {
        readAll = true;
    }

    /**
     * The ONLINE agents, as a pass takes them.
     *
     * @param agents by id; not to be modified
     * @param reread whether they were read again for this pass (any of them may be new or changed)
     */
    record Taken(Map<String, Routable> agents, boolean reread) {
    }

    /** The ONLINE agents for a pass, read in the pass's transaction when a full read is due. */
    synchronized Taken current() {
        boolean reread = readAll;
        if (reread) {
            // cleared before reading: a change committed while this read runs asks for the next one
            readAll = false;
            Map<String, Routable> read = new LinkedHashMap<>();
            agents.routable().forEach(agent -> read.put(agent.profile().id(), agent));
            online = read;
        }
        return new Taken(Collections.unmodifiableMap(online), reread);
    }

    /** Once the current transaction has committed, these agents were last given work {@code at}. */
    void assignedWhenCommitted(Collection<String> agentIds, Instant at) {
        if (agentIds.isEmpty()) {
            return;
        }
        List<String> assigned = List.copyOf(agentIds);
        AfterCompletion.register(transactions, () -> assigned(assigned, at), () -> { });
    }

    private synchronized void assigned(List<String> agentIds, Instant at) {
        agentIds.forEach(id -> online.computeIfPresent(id, (key, agent) -> new Routable(agent.profile(), at)));
    }
}
