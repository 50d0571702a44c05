package io.omnichannel.gateway.routing.service;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.routing.repository.WorkItemRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each agent holds (offered or assigned) per channel, as the assignment passes see it. Reading
 * every agent's load ({@code agent_load}) on every pass would cost a row per agent and channel per
 * pass, so the figures are kept between passes: read in full once per scheduled pass (which also
 * brings in other instances' changes), kept exact by the passes' own commits, and read again per agent
 * when a change in this instance (a release, transfer, returned offer, presence or profile change) may
 * have freed or filled one of their slots.
 *
 * <p>The figures only feed decisions. Every decision is checked again under the agent's row lock
 * against a fresh read before it is committed, so a stale figure can cost a retry in a later pass,
 * never a capacity breach.
 */
@ApplicationScoped
public class AgentLoads {

    private final WorkItemRepository workItems;
    private final TransactionSynchronizationRegistry transactions;
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private volatile boolean countAll = true;
    /** Only passes read and write these, one at a time (the dispatcher never runs two at once). */
    private Map<String, Map<Channel, Integer>> counted = new HashMap<>();
    /** Agents whose figure was replaced since the last pass took its loads. */
    private final Set<String> replaced = new HashSet<>();
    private boolean allReplaced = true;

    /**
     * What agents hold, as a pass takes it.
     *
     * @param held what each agent holds per channel (an agent holding nothing may be absent); not to be modified
     * @param replaced the agents whose figure changed since the previous pass took its loads
     * @param all whether every figure may have changed (a full count), so that {@code replaced} does not tell
     */
    record Taken(Map<String, Map<Channel, Integer>> held, Set<String> replaced, boolean all) {
    }

    AgentLoads(WorkItemRepository workItems, TransactionSynchronizationRegistry transactions) {
        this.workItems = workItems;
        this.transactions = transactions;
    }

    /** The agent's held work may have changed in a transaction that committed: count it again at the next pass. */
    public void changed(String agentId) {
        changed.add(agentId);
    }

    /** Count every agent again at the next pass. */
    public void countAllAgain() {
        countAll = true;
    }

    /**
     * What agents hold, for a pass's decisions: read in the pass's transaction for the agents changed
     * since the last pass, for those of {@code agentIds} not counted yet when {@code newAgents} (the
     * online agents were read again), or for everyone when a full count is due.
     */
    synchronized Taken of(Collection<String> agentIds, boolean newAgents) {
        if (countAll) {
            countAll = false;
            changed.clear();
            counted = workItems.heldByAgent();
            allReplaced = true;
        } else {
            Collection<String> candidates = newAgents ? agentIds : List.copyOf(changed);
            List<String> toCount = candidates.stream().filter(id -> changed.remove(id) | !counted.containsKey(id)).toList();
            if (!toCount.isEmpty()) {
                Map<String, Map<Channel, Integer>> fresh = workItems.heldBy(toCount);
                toCount.forEach(id -> counted.put(id, fresh.getOrDefault(id, Map.of())));
                replaced.addAll(toCount);
            }
        }
        Taken taken = new Taken(counted, allReplaced ? Set.of() : Set.copyOf(replaced), allReplaced);
        replaced.clear();
        allReplaced = false;
        return taken;
    }

    /**
     * Once the current transaction has committed, these agents hold exactly {@code held} (counted under
     * their locks, with what the transaction gave them); if it rolls back, everything is counted again.
     */
    synchronized void whenCommitted(Map<String, Map<Channel, Integer>> held) {
        Map<String, Map<Channel, Integer>> copy = new HashMap<>();
        held.forEach((agent, load) -> copy.put(agent, load.isEmpty() ? Map.of() : new EnumMap<>(load)));
        AfterCompletion.register(transactions, () -> apply(copy), this::countAllAgain);
    }

    private synchronized void apply(Map<String, Map<Channel, Integer>> held) {
        counted.putAll(held);
        replaced.addAll(held.keySet());
    }
}
