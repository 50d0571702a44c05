package io.omnichannel.gateway.routing.core;

import io.omnichannel.gateway.contract.Channel;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builders for agents and work in the decision-core tests. */
final class Fixtures {

    private Fixtures() {
    }

    static AgentBuilder agent(String id) {
        return new AgentBuilder(id);
    }

    static WorkBuilder work(String id, Channel channel) {
        return new WorkBuilder(id, channel);
    }

    /** The next decision as {@code "work->agent"}, or {@code "none"}. */
    static String decide(DecisionCore core, long nowMillis) {
        return core.next(nowMillis).map(Fixtures::describe).orElse("none");
    }

    /** Every decision possible now, as {@code "work->agent"}. */
    static List<String> decideAll(DecisionCore core, long nowMillis) {
        return core.drain(nowMillis, Integer.MAX_VALUE).stream().map(Fixtures::describe).toList();
    }

    static String describe(Decision decision) {
        return decision.work().id() + "->" + decision.agentId();
    }

    static final class AgentBuilder {
        private final String id;
        private final Map<Channel, Integer> capacity = new EnumMap<>(Channel.class);
        private final Map<Channel, Integer> load = new EnumMap<>(Channel.class);
        private Set<String> skills = Set.of();
        private Set<String> teams = Set.of();
        private boolean online = true;
        private long lastAssignedAt;

        private AgentBuilder(String id) {
            this.id = id;
        }

        AgentBuilder takes(Channel channel, int slots) {
            capacity.put(channel, slots);
            return this;
        }

        AgentBuilder holding(Channel channel, int conversations) {
            load.put(channel, conversations);
            return this;
        }

        AgentBuilder skills(String... names) {
            skills = Set.of(names);
            return this;
        }

        AgentBuilder teams(String... names) {
            teams = Set.of(names);
            return this;
        }

        AgentBuilder offline() {
            online = false;
            return this;
        }

        AgentBuilder lastAssignedAt(long millis) {
            lastAssignedAt = millis;
            return this;
        }

        AgentProfile profile() {
            return new AgentProfile(id, capacity, skills, teams);
        }

        /** Registers the agent with the core. */
        void in(DecisionCore core) {
            core.putAgent(profile(), online, load, lastAssignedAt);
        }
    }

    static final class WorkBuilder {
        private final String id;
        private final Channel channel;
        private long due;
        private long arrived;
        private int priority = 2;
        private Set<String> required = Set.of();
        private Set<String> optional = Set.of();
        private boolean optionalDropped;
        private Set<String> teams = Set.of();
        private Set<String> excluded = Set.of();
        private String preferred;
        private long preferUntil;

        private WorkBuilder(String id, Channel channel) {
            this.id = id;
            this.channel = channel;
        }

        WorkBuilder due(long millis) {
            due = millis;
            return this;
        }

        WorkBuilder arrived(long millis) {
            arrived = millis;
            return this;
        }

        WorkBuilder priority(int value) {
            priority = value;
            return this;
        }

        WorkBuilder requires(String... skills) {
            required = Set.of(skills);
            return this;
        }

        WorkBuilder optional(String... skills) {
            optional = Set.of(skills);
            return this;
        }

        WorkBuilder optionalDropped() {
            optionalDropped = true;
            return this;
        }

        WorkBuilder teams(String... names) {
            teams = Set.of(names);
            return this;
        }

        WorkBuilder excluding(String... agents) {
            excluded = Set.of(agents);
            return this;
        }

        WorkBuilder prefers(String agent, long untilMillis) {
            preferred = agent;
            preferUntil = untilMillis;
            return this;
        }

        WorkRequest build() {
            return new WorkRequest(id, channel, due, arrived, priority, required, optional, optionalDropped, teams,
                    excluded, preferred, preferUntil);
        }

        /** Adds the work to the core. */
        void in(DecisionCore core) {
            core.addWork(build());
        }
    }
}
