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
 * with a couple of thousand agents. Before a pass only the agents whose profile or load differ from
 * what the core holds are put again, and agents no longer online are removed; the pass's waiting work
 * is taken out after the pass, so between passes the core holds agents only. A pass that does not
 * commit throws the core away.
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
     * The core for the current transaction's pass, holding exactly these agents with these loads.
     *
     * @param held what each of the agents holds per channel (an agent holding nothing may be absent)
     */
    synchronized DecisionCore forPass(List<Routable> online, Map<String, Map<Channel, Integer>> held) {
        if (core == null) {
            core = new DecisionCore(config.strategy(), config.exclusiveChannels());
            inCore = new HashMap<>();
        }
        Map<String, Routable> put = new HashMap<>(online.size() * 2);
        for (Routable agent : online) {
            String id = agent.profile().id();
            Map<Channel, Integer> load = held.getOrDefault(id, Map.of());
            // the same Routable is the same profile and last assignment (OnlineAgents replaces what changed)
            if (inCore.get(id) != agent || !coreCounts(id, load)) {
                core.putAgent(agent.profile(), true, load,
                        agent.lastAssignedAt() == null ? 0 : agent.lastAssignedAt().toEpochMilli());
            }
            put.put(id, agent);
        }
        inCore.keySet().stream().filter(id -> !put.containsKey(id)).forEach(core::removeAgent);
        inCore = put;
        AfterCompletion.register(transactions, () -> { }, this::discard);
        return core;
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
