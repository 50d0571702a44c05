package io.omnichannel.gateway.routing.core;

import io.omnichannel.gateway.contract.Channel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The routing rules of {@link DecisionCore} written as plainly as possible: every decision scans all
 * waiting items, and for each item that would beat the best so far, all agents. Used as the oracle of the
 * property tests and as the linear-scan baseline of the benchmark; same behaviour, no indexes.
 */
public final class ReferenceRouter {

    private static final int CHANNELS = Channel.values().length;

    private final Strategy strategy;
    private final Set<Channel> exclusive;
    private final Map<String, Agent> agentsById = new HashMap<>();
    private final List<Agent> agents = new ArrayList<>();
    private final Map<String, Integer> positions = new HashMap<>();
    private final List<WorkRequest> items = new ArrayList<>();
    private long sequence;
    private long clock = Long.MIN_VALUE;

    public ReferenceRouter(Strategy strategy, Set<Channel> exclusiveChannels) {
        this.strategy = strategy;
        this.exclusive = Set.copyOf(exclusiveChannels);
    }

    public void putAgent(AgentProfile profile, boolean online, Map<Channel, Integer> load, long lastAssignedAtMillis) {
        Agent agent = agentsById.get(profile.id());
        if (agent == null) {
            agent = new Agent(profile.id());
            agentsById.put(agent.id, agent);
            agents.add(agent);
        }
        agent.profile = profile;
        agent.online = online;
        agent.lastAssignedAt = lastAssignedAtMillis;
        for (Channel channel : Channel.values()) {
            agent.load[channel.ordinal()] = load.getOrDefault(channel, 0);
        }
    }

    public void setOnline(String agentId, boolean online) {
        Agent agent = agentsById.get(agentId);
        if (agent != null) {
            agent.online = online;
        }
    }

    public void removeAgent(String agentId) {
        Agent agent = agentsById.remove(agentId);
        if (agent != null) {
            agents.remove(agent);
        }
    }

    public void release(String agentId, Channel channel) {
        Agent agent = agentsById.get(agentId);
        if (agent != null && agent.load[channel.ordinal()] > 0) {
            agent.load[channel.ordinal()]--;
        }
    }

    public int load(String agentId, Channel channel) {
        Agent agent = agentsById.get(agentId);
        return agent == null ? 0 : agent.load[channel.ordinal()];
    }

    public int capacity(String agentId, Channel channel) {
        Agent agent = agentsById.get(agentId);
        return agent == null ? 0 : agent.profile.capacityOn(channel);
    }

    public List<String> agentIds() {
        return agents.stream().map(agent -> agent.id).toList();
    }

    public void addWork(WorkRequest work) {
        removeWork(work.id());
        positions.put(work.id(), items.size());
        items.add(work);
    }

    public boolean removeWork(String workId) {
        Integer position = positions.remove(workId);
        if (position == null) {
            return false;
        }
        WorkRequest last = items.remove(items.size() - 1);
        if (position < items.size()) {
            items.set(position, last);
            positions.put(last.id(), position);
        }
        return true;
    }

    public int waitingCount() {
        return items.size();
    }

    public List<WorkRequest> waiting() {
        return List.copyOf(items);
    }

    public List<WorkRequest> waitingInOrder(Channel channel, int limit) {
        return items.stream().filter(work -> work.channel() == channel).sorted(WorkRequest.ORDER).limit(limit).toList();
    }

    /** The decision {@link #next} would make, without applying it. */
    public Optional<Decision> peek(long nowMillis) {
        clock = Math.max(clock, nowMillis);
        WorkRequest best = null;
        Agent bestAgent = null;
        for (WorkRequest work : items) {
            if (best != null && WorkRequest.ORDER.compare(work, best) >= 0) {
                continue;
            }
            Agent agent = choose(work);
            if (agent != null) {
                best = work;
                bestAgent = agent;
            }
        }
        return best == null ? Optional.empty() : Optional.of(new Decision(best, bestAgent.id));
    }

    public Optional<Decision> next(long nowMillis) {
        Optional<Decision> decision = peek(nowMillis);
        decision.ifPresent(chosen -> apply(chosen, nowMillis));
        return decision;
    }

    public List<Decision> drain(long nowMillis, int max) {
        List<Decision> decisions = new ArrayList<>();
        while (decisions.size() < max) {
            Optional<Decision> decision = next(nowMillis);
            if (decision.isEmpty()) {
                break;
            }
            decisions.add(decision.get());
        }
        return decisions;
    }

    /** Whether some agent can take this waiting item now. */
    public boolean assignable(WorkRequest work, long nowMillis) {
        clock = Math.max(clock, nowMillis);
        return choose(work) != null;
    }

    /** Whether the agent is eligible for the item now (rule 2, ignoring preferences). */
    public boolean eligible(String agentId, WorkRequest work) {
        Agent agent = agentsById.get(agentId);
        return agent != null && eligible(agent, work);
    }

    private void apply(Decision decision, long nowMillis) {
        removeWork(decision.work().id());
        Agent agent = agentsById.get(decision.agentId());
        agent.load[decision.work().channel().ordinal()]++;
        agent.lastAssignedAt = nowMillis;
        agent.sequence = ++sequence;
    }

    private Agent choose(WorkRequest work) {
        if (work.preferredAgent() != null && clock < work.preferUntilMillis()) {
            Agent preferred = agentsById.get(work.preferredAgent());
            if (preferred != null && preferred.online && fits(preferred, work)) {
                return eligible(preferred, work) ? preferred : null;
            }
        }
        Agent best = null;
        for (Agent agent : agents) {
            if (eligible(agent, work) && (best == null || better(agent, best, work.channel()))) {
                best = agent;
            }
        }
        return best;
    }

    private boolean eligible(Agent agent, WorkRequest work) {
        return agent.online && hasFreeSlot(agent, work.channel()) && fits(agent, work);
    }

    private boolean hasFreeSlot(Agent agent, Channel channel) {
        if (agent.load[channel.ordinal()] >= agent.profile.capacityOn(channel)) {
            return false;
        }
        int total = 0;
        int onExclusive = 0;
        for (Channel held : Channel.values()) {
            total += agent.load[held.ordinal()];
            if (exclusive.contains(held)) {
                onExclusive += agent.load[held.ordinal()];
            }
        }
        return exclusive.contains(channel) ? total == 0 : onExclusive == 0;
    }

    private static boolean fits(Agent agent, WorkRequest work) {
        AgentProfile profile = agent.profile;
        if (profile.capacityOn(work.channel()) <= 0 || work.excludedAgents().contains(agent.id)) {
            return false;
        }
        if (!profile.skills().containsAll(work.requiredSkills())) {
            return false;
        }
        if (!work.optionalSkillsDropped() && !profile.skills().containsAll(work.optionalSkills())) {
            return false;
        }
        return work.eligibleTeams().isEmpty() || work.eligibleTeams().stream().anyMatch(profile.teams()::contains);
    }

    private boolean better(Agent a, Agent b, Channel channel) {
        int order = switch (strategy) {
            case LEAST_BUSY -> {
                long left = (long) a.load[channel.ordinal()] * b.profile.capacityOn(channel);
                long right = (long) b.load[channel.ordinal()] * a.profile.capacityOn(channel);
                int byShare = Long.compare(left, right);
                yield byShare != 0 ? byShare : Long.compare(a.lastAssignedAt, b.lastAssignedAt);
            }
            case LONGEST_IDLE -> Long.compare(a.lastAssignedAt, b.lastAssignedAt);
            case ROUND_ROBIN -> Long.compare(a.sequence, b.sequence);
        };
        return order != 0 ? order < 0 : a.id.compareTo(b.id) < 0;
    }

    private static final class Agent {
        final String id;
        final int[] load = new int[CHANNELS];
        AgentProfile profile;
        boolean online;
        long lastAssignedAt;
        long sequence;

        Agent(String id) {
            this.id = Objects.requireNonNull(id);
        }
    }
}
