package io.omnichannel.gateway.routing.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.gateway.contract.Channel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Thousands of random operations (seeded, so a failure replays) on the core and on the plain
 * {@link ReferenceRouter}; after each, the invariants are checked against the reference's state: no agent
 * over capacity or mixing an exclusive channel, every decision respects eligibility, no item decided
 * twice, the decided item is the earliest assignable one, and core and reference agree on every decision.
 */
class DecisionCorePropertyTest {

    private static final Channel[] CHANNELS = Channel.values();
    private static final Set<Channel> EXCLUSIVE = Set.of(Channel.PHONE);
    private static final List<String> SKILLS = List.of("en", "es", "fr", "de");
    private static final List<String> TEAMS = List.of("t1", "t2", "t3");
    private static final int AGENT_IDS = 14;
    private static final int OPERATIONS = 4_000;

    static Stream<Arguments> runs() {
        List<Arguments> runs = new ArrayList<>();
        for (Strategy strategy : Strategy.values()) {
            for (long seed : new long[] {1, 42, 20_260_101}) {
                runs.add(Arguments.of(strategy, seed));
            }
        }
        return runs.stream();
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("runs")
    void randomOperationsKeepTheInvariantsAndMatchTheReference(Strategy strategy, long seed) {
        new Run(strategy, seed).go(OPERATIONS);
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("runs")
    void drainingALargeQueueMatchesTheReference(Strategy strategy, long seed) {
        Run run = new Run(strategy, seed);
        run.populate(80, 1_500);
        run.drainChecked(5_000);
        // agents finish work and take more until nothing is assignable
        for (int round = 0; round < 30 && run.reference.waitingCount() > 0; round++) {
            run.releaseSome(40);
            run.now += 7;
            run.drainChecked(5_000);
        }
        assertThat(run.decided).hasSizeGreaterThan(750);
    }

    private static final class Run {
        final Random random;
        final DecisionCore core;
        final ReferenceRouter reference;
        final Set<String> decided = new HashSet<>();
        long now = 1_000;
        int nextWorkId;

        Run(Strategy strategy, long seed) {
            random = new Random(seed);
            core = new DecisionCore(strategy, EXCLUSIVE);
            reference = new ReferenceRouter(strategy, EXCLUSIVE);
        }

        void populate(int agents, int items) {
            for (int i = 0; i < agents; i++) {
                putAgent("a" + i);
            }
            for (int i = 0; i < items; i++) {
                addWork(randomWork("w" + nextWorkId++));
            }
            checkState(true);
        }

        void go(int operations) {
            for (int i = 0; i < operations; i++) {
                now += random.nextInt(6);
                int dice = random.nextInt(100);
                if (dice < 25) {
                    addWork(randomWork("w" + nextWorkId++));
                } else if (dice < 30) {
                    List<WorkRequest> waiting = reference.waiting();
                    if (!waiting.isEmpty()) {
                        addWork(randomWork(waiting.get(random.nextInt(waiting.size())).id()));
                    }
                } else if (dice < 35) {
                    removeWork();
                } else if (dice < 43) {
                    putAgent(agentId());
                } else if (dice < 51) {
                    String agent = agentId();
                    boolean online = random.nextBoolean();
                    core.setOnline(agent, online);
                    reference.setOnline(agent, online);
                } else if (dice < 53) {
                    String agent = agentId();
                    core.removeAgent(agent);
                    reference.removeAgent(agent);
                } else if (dice < 70) {
                    releaseSome(1);
                } else if (dice < 95) {
                    nextChecked();
                } else {
                    drainChecked(1 + random.nextInt(4));
                }
                checkState(i % 50 == 0);
            }
            drainChecked(Integer.MAX_VALUE);
            checkState(true);
        }

        String agentId() {
            return "a" + random.nextInt(AGENT_IDS);
        }

        void putAgent(String id) {
            Map<Channel, Integer> capacity = new EnumMap<>(Channel.class);
            for (Channel channel : CHANNELS) {
                if (random.nextInt(100) < 60) {
                    capacity.put(channel, channel == Channel.PHONE ? 1 + random.nextInt(2) : random.nextInt(4));
                }
            }
            AgentProfile profile = new AgentProfile(id, capacity, subset(SKILLS, 60), subset(TEAMS, 40));
            // a load within capacity that respects the mixing rule: one call only, or anything but calls
            Map<Channel, Integer> load = new EnumMap<>(Channel.class);
            if (capacity.getOrDefault(Channel.PHONE, 0) > 0 && random.nextInt(5) == 0) {
                load.put(Channel.PHONE, 1);
            } else {
                capacity.forEach((channel, slots) -> {
                    if (channel != Channel.PHONE && slots > 0) {
                        load.put(channel, random.nextInt(slots + 1));
                    }
                });
            }
            boolean online = random.nextInt(100) < 80;
            long lastAssignedAt = random.nextInt((int) Math.min(now, 50_000));
            core.putAgent(profile, online, load, lastAssignedAt);
            reference.putAgent(profile, online, load, lastAssignedAt);
        }

        WorkRequest randomWork(String id) {
            Channel channel = CHANNELS[random.nextInt(CHANNELS.length)];
            long arrived = now - random.nextInt(50);
            long due = now + 10 * random.nextInt(30); // coarse, so that due times tie
            Set<String> required = random.nextBoolean() ? Set.of() : subset(SKILLS, 30);
            Set<String> optional = random.nextInt(5) == 0 ? Set.of(SKILLS.get(random.nextInt(SKILLS.size()))) : Set.of();
            boolean dropped = random.nextBoolean();
            Set<String> teams = random.nextInt(100) < 15 ? subset(TEAMS, 50) : Set.of();
            Set<String> excluded = new HashSet<>();
            if (random.nextInt(100) < 15) {
                excluded.add(agentId());
                excluded.add(agentId());
            }
            String preferred = null;
            long preferUntil = 0;
            if (random.nextInt(100) < 25) {
                preferred = random.nextInt(10) == 0 ? "ghost" : agentId();
                preferUntil = now - 5 + random.nextInt(random.nextBoolean() ? 45 : 400);
            }
            return new WorkRequest(id, channel, due, arrived, random.nextInt(4), required, optional, dropped, teams,
                    excluded, preferred, preferUntil);
        }

        Set<String> subset(List<String> names, int percent) {
            Set<String> chosen = new HashSet<>();
            for (String name : names) {
                if (random.nextInt(100) < percent) {
                    chosen.add(name);
                }
            }
            return chosen;
        }

        void addWork(WorkRequest work) {
            core.addWork(work);
            reference.addWork(work);
        }

        void removeWork() {
            List<WorkRequest> waiting = reference.waiting();
            String id = waiting.isEmpty() || random.nextInt(5) == 0 ? "w-unknown"
                    : waiting.get(random.nextInt(waiting.size())).id();
            assertThat(core.removeWork(id)).isEqualTo(reference.removeWork(id));
        }

        void releaseSome(int count) {
            for (int i = 0; i < count; i++) {
                String agent = agentId();
                if (count > 1 || random.nextInt(4) > 0) {
                    List<String> agents = reference.agentIds();
                    if (agents.isEmpty()) {
                        return;
                    }
                    agent = agents.get(random.nextInt(agents.size()));
                }
                List<Channel> held = new ArrayList<>();
                for (Channel channel : CHANNELS) {
                    if (reference.load(agent, channel) > 0) {
                        held.add(channel);
                    }
                }
                Channel channel = held.isEmpty() || random.nextInt(10) == 0
                        ? CHANNELS[random.nextInt(CHANNELS.length)] : held.get(random.nextInt(held.size()));
                core.release(agent, channel);
                reference.release(agent, channel);
            }
        }

        void nextChecked() {
            Optional<Decision> actual = core.next(now);
            check(actual);
        }

        void drainChecked(int max) {
            List<Decision> decisions = core.drain(now, max);
            assertThat(decisions.size()).isLessThanOrEqualTo(max);
            for (Decision decision : decisions) {
                check(Optional.of(decision));
            }
            if (decisions.size() < max) {
                check(Optional.empty()); // the core found nothing more: neither may the reference
            }
        }

        /** Checks one decision of the core against the reference's state, then applies it there. */
        private void check(Optional<Decision> actual) {
            Optional<Decision> expected = reference.peek(now);
            if (actual.isEmpty()) {
                assertThat(expected).as("the core found nothing assignable at %d", now).isEmpty();
                for (WorkRequest work : reference.waiting()) {
                    assertThat(reference.assignable(work, now)).as("assignable: %s", work).isFalse();
                }
                return;
            }
            Decision decision = actual.get();
            WorkRequest work = decision.work();
            String agent = decision.agentId();
            Channel channel = work.channel();

            assertThat(decided.add(work.id())).as("decided twice: %s", work.id()).isTrue();
            assertThat(reference.waiting()).as("decided item was waiting").contains(work);
            assertThat(reference.eligible(agent, work)).as("%s eligible for %s", agent, work).isTrue();
            assertThat(reference.load(agent, channel)).isLessThan(reference.capacity(agent, channel));
            if (work.prefersAgentAt(now) && !agent.equals(work.preferredAgent())) {
                assertThat(reference.eligible(work.preferredAgent(), work)).as("preferred agent passed over").isFalse();
            }
            for (WorkRequest earlier : reference.waiting()) {
                if (WorkRequest.ORDER.compare(earlier, work) < 0) {
                    assertThat(reference.assignable(earlier, now)).as("%s is earlier than %s and assignable", earlier, work)
                            .isFalse();
                }
            }
            assertThat(actual).isEqualTo(expected);
            reference.next(now);
        }

        void checkState(boolean full) {
            assertThat(core.waitingCount()).isEqualTo(reference.waitingCount());
            for (String agent : reference.agentIds()) {
                int total = 0;
                for (Channel channel : CHANNELS) {
                    int load = core.load(agent, channel);
                    assertThat(load).as("load of %s on %s", agent, channel).isEqualTo(reference.load(agent, channel));
                    assertThat(load).as("%s over capacity on %s", agent, channel)
                            .isLessThanOrEqualTo(reference.capacity(agent, channel));
                    total += load;
                }
                int calls = core.load(agent, Channel.PHONE);
                if (calls > 0) {
                    assertThat(total).as("%s mixes a call with other work", agent).isEqualTo(1);
                }
            }
            if (full) {
                for (Channel channel : CHANNELS) {
                    assertThat(core.waitingCount(channel)).isEqualTo(reference.waitingInOrder(channel, Integer.MAX_VALUE).size());
                    assertThat(core.waitingInOrder(channel, 1_000)).isEqualTo(reference.waitingInOrder(channel, 1_000));
                }
            }
        }
    }
}
