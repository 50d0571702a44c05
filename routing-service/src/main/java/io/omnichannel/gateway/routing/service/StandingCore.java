package io.omnichannel.gateway.routing.service;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.routing.config.RoutingConfig;
import io.omnichannel.gateway.routing.core.DecisionCore;
import io.omnichannel.gateway.routing.repository.AgentRepository.Routable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The decision core kept from one assignment pass to the next, with the ONLINE agents in it: building
 * it anew for every pass cost an index insertion per agent and channel, more than the rest of a pass
 * with a couple of thousand agents. Before a pass only the agents whose load figure was replaced
 * ({@link AgentLoads}) are put again, or, when the online agents were read again, those whose profile
 * or load differ from what the core holds, and agents no longer online are removed; the pass's
 * waiting work is taken out after the pass, so between passes the core holds agents only. A pass that
 * does not commit throws the core away.
 *
 * <p>Passes run one at a time (the dispatcher never runs two at once), and so do its methods.
 */
@ApplicationScoped
class StandingCore {

    private final RoutingConfig config;
    private final TransactionSynchronizationRegistry transactions;
    private DecisionCore core;
    /** The agents in the core, as they were put. */
    private Map<String, Routable> inCore = new HashMap<>();

    StandingCore(RoutingConfig config, TransactionSynchronizationRegistry transactions) {
        this.config = config;
        this.transactions = transactions;
    }

    /**
     * The core for the current transaction's pass, holding exactly the online agents with their loads.
     * When the agents were read again, or every load may have changed, each agent is checked against
     * what the core holds; otherwise only the agents whose load figure was replaced are put again.
     */
    synchronized DecisionCore forPass(OnlineAgents.Taken online, AgentLoads.Taken loads) {
        boolean fresh = core == null;
        if (fresh) {
            core = new DecisionCore(config.strategy(), config.exclusiveChannels());
            inCore = new HashMap<>();
        }
        if (fresh || online.reread() || loads.all()) {
            putChanged(online.agents(), loads.held());
        } else {
            // an agent given work since has a new entry in OnlineAgents and a replaced load figure both
            for (String id : loads.replaced()) {
                Routable agent = online.agents().get(id);
                if (agent != null) {
                    put(agent, loads.held());
                } else if (inCore.remove(id) != null) {
                    core.removeAgent(id);
                }
            }
        }
        AfterCompletion.register(transactions, () -> { }, this::discard);
        return core;
    }

    /** Puts every agent whose entry or load differs from what the core holds, and removes those gone. */
    private void putChanged(Map<String, Routable> online, Map<String, Map<Channel, Integer>> held) {
        for (Routable agent : online.values()) {
            String id = agent.profile().id();
            // compared by value: a full read of the online agents gives every agent a new entry
            if (!agent.equals(inCore.get(id)) || !coreCounts(id, held.getOrDefault(id, Map.of()))) {
                put(agent, held);
            }
        }
        List<String> gone = inCore.keySet().stream().filter(id -> !online.containsKey(id)).toList();
        gone.forEach(id -> {
            inCore.remove(id);
            core.removeAgent(id);
        });
    }

    private void put(Routable agent, Map<String, Map<Channel, Integer>> held) {
        String id = agent.profile().id();
        core.putAgent(agent.profile(), true, held.getOrDefault(id, Map.of()),
                agent.lastAssignedAt() == null ? 0 : agent.lastAssignedAt().toEpochMilli());
        inCore.put(id, agent);
    }

    /** Takes the pass's work out of the core: what was not decided is read again by the next pass. */
    synchronized void endPass(Collection<String> workIds) {
        if (core != null) {
            workIds.forEach(core::removeWork);
        }
    }

    private boolean coreCounts(String agentId, Map<Channel, Integer> load) {
        for (Channel channel : Channel.values()) {
            if (core.load(agentId, channel) != load.getOrDefault(channel, 0)) {
                return false;
            }
        }
        return true;
    }

    private synchronized void discard() {
        core = null;
        inCore = new HashMap<>();
    }
}
