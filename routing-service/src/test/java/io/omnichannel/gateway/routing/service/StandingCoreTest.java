package io.omnichannel.gateway.routing.service;

import static io.omnichannel.gateway.contract.Channel.SMS;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.routing.config.RoutingConfig;
import io.omnichannel.gateway.routing.core.AgentProfile;
import io.omnichannel.gateway.routing.core.DecisionCore;
import io.omnichannel.gateway.routing.core.Strategy;
import io.omnichannel.gateway.routing.core.WorkRequest;
import io.omnichannel.gateway.routing.repository.AgentRepository.Routable;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The core kept between passes must decide as one built afresh from the same agents and loads. */
class StandingCoreTest {

    private final List<Synchronization> transaction = new ArrayList<>();
    private final StandingCore standing = new StandingCore(config(), registry());

    @Test
    void decidesAsAFreshCoreWhenLoadsDifferFromItsOwnDecisionsAndAgentsGoOffline() {
        Routable ana = agent("ana", 3, null);
        Routable ben = agent("ben", 3, null);
        DecisionCore core = standing.forPass(reread(ana, ben), allLoads(Map.of()));
        assertThat(pass(core, 0, "w1", "w2", "w3", "w4")).hasSize(4);
        complete(Status.STATUS_COMMITTED);

        // under the locks only one decision each held: the agents are the same, their loads are not what the core counted
        Map<String, Map<Channel, Integer>> held = Map.of("ana", Map.of(SMS, 1), "ben", Map.of(SMS, 1));
        DecisionCore kept = standing.forPass(new OnlineAgents.Taken(Map.of("ana", ana, "ben", ben), false),
                new AgentLoads.Taken(held, Set.of("ana", "ben"), false));
        DecisionCore fresh = freshCore(List.of(ana, ben), held);
        assertThat(kept.waitingCount()).as("no work left from the last pass").isZero();
        assertThat(pass(kept, 20, "w5", "w6", "w7")).isEqualTo(decide(fresh, 20, "w5", "w6", "w7"));
        complete(Status.STATUS_COMMITTED);

        // ben went offline; ana was given work since (OnlineAgents gives a new entry) and holds what the core counted
        Routable anaLater = agent("ana", 3, Instant.ofEpochMilli(20));
        Map<String, Map<Channel, Integer>> anaOnly = Map.of("ana", Map.of(SMS, kept.load("ana", SMS)));
        DecisionCore afterOffline = standing.forPass(reread(anaLater), new AgentLoads.Taken(anaOnly, Set.of(), false));
        assertThat(afterOffline.hasAgent("ben")).isFalse();
        assertThat(pass(afterOffline, 30, "w8", "w9", "w10"))
                .isEqualTo(decide(freshCore(List.of(anaLater), anaOnly), 30, "w8", "w9", "w10"));
    }

    @Test
    void aPassThatDoesNotCommitThrowsTheCoreAway() {
        Routable ana = agent("ana", 3, null);
        DecisionCore first = standing.forPass(reread(ana), allLoads(Map.of()));
        pass(first, 0, "w1");
        complete(Status.STATUS_ROLLEDBACK);

        DecisionCore next = standing.forPass(new OnlineAgents.Taken(Map.of("ana", ana), false),
                new AgentLoads.Taken(Map.of(), Set.of(), false));

        assertThat(next).isNotSameAs(first);
        assertThat(next.hasAgent("ana")).as("a new core holds every online agent").isTrue();
        assertThat(next.load("ana", SMS)).isZero();
    }

    /** A pass of the kept core: the items added and decided, then what was not decided taken out again. */
    private List<String> pass(DecisionCore core, long now, String... items) {
        List<String> decided = decide(core, now, items);
        standing.endPass(List.of(items));
        return decided;
    }

    private static List<String> decide(DecisionCore core, long now, String... items) {
        for (String item : items) {
            core.addWork(WorkRequest.of(item, SMS, now + 1000, now, 2));
        }
        return core.drain(now, Integer.MAX_VALUE).stream()
                .map(decision -> decision.work().id() + "->" + decision.agentId()).toList();
    }

    private static OnlineAgents.Taken reread(Routable... agents) {
        Map<String, Routable> byId = new java.util.LinkedHashMap<>();
        for (Routable agent : agents) {
            byId.put(agent.profile().id(), agent);
        }
        return new OnlineAgents.Taken(byId, true);
    }

    private static AgentLoads.Taken allLoads(Map<String, Map<Channel, Integer>> held) {
        return new AgentLoads.Taken(held, Set.of(), true);
    }

    private static DecisionCore freshCore(List<Routable> agents, Map<String, Map<Channel, Integer>> held) {
        DecisionCore core = new DecisionCore(Strategy.LEAST_BUSY, Set.of(Channel.PHONE));
        agents.forEach(agent -> core.putAgent(agent.profile(), true, held.getOrDefault(agent.profile().id(), Map.of()),
                agent.lastAssignedAt() == null ? 0 : agent.lastAssignedAt().toEpochMilli()));
        return core;
    }

    private void complete(int status) {
        transaction.forEach(synchronization -> synchronization.afterCompletion(status));
        transaction.clear();
    }

    private static Routable agent(String id, int smsSlots, Instant lastAssignedAt) {
        return new Routable(new AgentProfile(id, Map.of(SMS, smsSlots), Set.of(), Set.of()), lastAssignedAt);
    }

    private static RoutingConfig config() {
        return (RoutingConfig) Proxy.newProxyInstance(RoutingConfig.class.getClassLoader(), new Class<?>[] {RoutingConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "strategy" -> Strategy.LEAST_BUSY;
                    case "exclusiveChannels" -> Set.of(Channel.PHONE);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private TransactionSynchronizationRegistry registry() {
        return (TransactionSynchronizationRegistry) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {TransactionSynchronizationRegistry.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("registerInterposedSynchronization")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    transaction.add((Synchronization) args[0]);
                    return null;
                });
    }
}
