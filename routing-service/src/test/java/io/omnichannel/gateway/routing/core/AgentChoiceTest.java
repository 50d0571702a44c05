package io.omnichannel.gateway.routing.core;

import static io.omnichannel.gateway.contract.Channel.CHAT;
import static io.omnichannel.gateway.contract.Channel.EMAIL;
import static io.omnichannel.gateway.routing.core.Fixtures.agent;
import static io.omnichannel.gateway.routing.core.Fixtures.decide;
import static io.omnichannel.gateway.routing.core.Fixtures.decideAll;
import static io.omnichannel.gateway.routing.core.Fixtures.work;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rule 3: which eligible agent gets the item, per strategy. */
class AgentChoiceTest {

    @Test
    void leastBusyPicksTheLowestShareOfTheChannelsCapacity() {
        DecisionCore core = new DecisionCore(Strategy.LEAST_BUSY, Set.of());
        agent("ana").takes(CHAT, 4).holding(CHAT, 1).in(core); // 25 %
        agent("ben").takes(CHAT, 2).holding(CHAT, 1).in(core); // 50 %
        agent("cid").takes(CHAT, 10).holding(CHAT, 3).in(core); // 30 %
        work("chat", CHAT).in(core);

        assertThat(decide(core, 0)).isEqualTo("chat->ana");
    }

    @Test
    void leastBusyLooksOnlyAtTheItemsChannel() {
        DecisionCore core = new DecisionCore(Strategy.LEAST_BUSY, Set.of());
        agent("ana").takes(CHAT, 4).takes(EMAIL, 10).holding(EMAIL, 9).in(core);
        agent("ben").takes(CHAT, 4).holding(CHAT, 1).in(core);
        work("chat", CHAT).in(core);

        assertThat(decide(core, 0)).isEqualTo("chat->ana");
    }

    @Test
    void leastBusyBreaksTiesByLongestIdleThenId() {
        DecisionCore core = new DecisionCore(Strategy.LEAST_BUSY, Set.of());
        agent("ana").takes(CHAT, 2).holding(CHAT, 1).lastAssignedAt(500).in(core);
        agent("ben").takes(CHAT, 4).holding(CHAT, 2).lastAssignedAt(100).in(core);
        agent("cid").takes(CHAT, 4).holding(CHAT, 2).lastAssignedAt(100).in(core);
        work("first", CHAT).due(1).in(core);
        work("second", CHAT).due(2).in(core);
        work("third", CHAT).due(3).in(core);

        // all at 50 %: ben and cid idle longest, ben first by id; then cid; then ana (ben and cid now at 75 %)
        assertThat(decideAll(core, 1_000)).containsExactly("first->ben", "second->cid", "third->ana");
    }

    @Test
    void leastBusyBalancesLoadAsItAssigns() {
        DecisionCore core = new DecisionCore(Strategy.LEAST_BUSY, Set.of());
        agent("ana").takes(CHAT, 2).in(core);
        agent("ben").takes(CHAT, 4).in(core);
        for (int i = 0; i < 3; i++) {
            work("w" + i, CHAT).due(i).in(core);
        }

        // 0 % each: ana by id (now 1/2); ben 0/4; ben 1/4 is below ana's 1/2
        assertThat(decideAll(core, 10)).containsExactly("w0->ana", "w1->ben", "w2->ben");
        assertThat(core.load("ana", CHAT)).isEqualTo(1);
        assertThat(core.load("ben", CHAT)).isEqualTo(2);
    }

    @Test
    void longestIdlePicksTheOldestLastAssignmentAndAssigningMakesItTheNewest() {
        DecisionCore core = new DecisionCore(Strategy.LONGEST_IDLE, Set.of());
        agent("ana").takes(CHAT, 10).lastAssignedAt(300).in(core);
        agent("ben").takes(CHAT, 10).holding(CHAT, 5).lastAssignedAt(100).in(core);
        agent("cid").takes(CHAT, 10).lastAssignedAt(200).in(core);
        for (int i = 0; i < 4; i++) {
            work("w" + i, CHAT).due(i).in(core);
        }

        assertThat(decide(core, 1_000)).isEqualTo("w0->ben");
        assertThat(decide(core, 1_001)).isEqualTo("w1->cid");
        assertThat(decide(core, 1_002)).isEqualTo("w2->ana");
        assertThat(decide(core, 1_003)).isEqualTo("w3->ben");
    }

    @Test
    void longestIdleCountsAssignmentsOnAnyChannel() {
        DecisionCore core = new DecisionCore(Strategy.LONGEST_IDLE, Set.of());
        agent("ana").takes(CHAT, 10).takes(EMAIL, 10).in(core);
        agent("ben").takes(CHAT, 10).takes(EMAIL, 10).in(core);
        work("email", EMAIL).due(1).in(core);
        work("chat", CHAT).due(2).in(core);

        assertThat(decideAll(core, 50)).containsExactly("email->ana", "chat->ben");
    }

    @Test
    void longestIdleBreaksTiesById() {
        DecisionCore core = new DecisionCore(Strategy.LONGEST_IDLE, Set.of());
        agent("ben").takes(CHAT, 10).in(core);
        agent("ana").takes(CHAT, 10).in(core);
        work("chat", CHAT).in(core);

        assertThat(decide(core, 0)).isEqualTo("chat->ana");
    }

    @Test
    void roundRobinTakesAgentsInTurn() {
        DecisionCore core = new DecisionCore(Strategy.ROUND_ROBIN, Set.of());
        agent("cid").takes(CHAT, 10).lastAssignedAt(1).in(core);
        agent("ana").takes(CHAT, 10).holding(CHAT, 9).lastAssignedAt(3).in(core);
        agent("ben").takes(CHAT, 10).lastAssignedAt(2).in(core);
        for (int i = 0; i < 5; i++) {
            work("w" + i, CHAT).due(i).in(core);
        }

        // ana holds 9 of 10: her turn comes once, then she is full and skipped
        assertThat(decideAll(core, 0)).containsExactly("w0->ana", "w1->ben", "w2->cid", "w3->ben", "w4->cid");
    }

    @Test
    void roundRobinGivesANewAgentTheNextTurn() {
        DecisionCore core = new DecisionCore(Strategy.ROUND_ROBIN, Set.of());
        agent("ana").takes(CHAT, 10).in(core);
        agent("ben").takes(CHAT, 10).in(core);
        for (int i = 0; i < 4; i++) {
            work("w" + i, CHAT).due(i).in(core);
        }
        assertThat(decideAll(core, 0)).containsExactly("w0->ana", "w1->ben", "w2->ana", "w3->ben");

        agent("cid").takes(CHAT, 10).in(core);
        agent("ana").takes(CHAT, 10).holding(CHAT, 2).in(core); // re-registered: keeps her turn
        for (int i = 4; i < 7; i++) {
            work("w" + i, CHAT).due(i).in(core);
        }

        assertThat(decideAll(core, 1)).containsExactly("w4->cid", "w5->ana", "w6->ben");
    }

    @Test
    void itemWithSkillsGoesToTheFirstMatchingAgentInStrategyOrder() {
        DecisionCore core = new DecisionCore(Strategy.LEAST_BUSY, Set.of());
        agent("ana").takes(CHAT, 10).skills("en").in(core);
        agent("ben").takes(CHAT, 10).skills("en", "es").holding(CHAT, 5).in(core);
        agent("cid").takes(CHAT, 10).skills("es").holding(CHAT, 2).in(core);
        work("spanish", CHAT).requires("es").in(core);

        assertThat(decide(core, 0)).isEqualTo("spanish->cid");
    }

    @Test
    void assigningUpdatesLoadAndLastAssignment() {
        DecisionCore core = new DecisionCore(Strategy.LEAST_BUSY, Set.of());
        agent("ana").takes(CHAT, 4).holding(CHAT, 1).lastAssignedAt(10).in(core);
        agent("ben").takes(CHAT, 4).holding(CHAT, 1).lastAssignedAt(20).in(core);
        work("a", CHAT).due(1).in(core);
        work("b", CHAT).due(2).in(core);

        assertThat(decide(core, 100)).isEqualTo("a->ana");
        assertThat(core.load("ana", CHAT)).isEqualTo(2);
        // ben (1/4) is now less busy than ana (2/4)
        assertThat(decide(core, 101)).isEqualTo("b->ben");
        core.release("ana", CHAT);
        core.release("ben", CHAT);
        // both at 1/4 again: ben was assigned at 101, ana at 100, so ana is idle longer
        work("c", CHAT).due(3).in(core);
        assertThat(decide(core, 102)).isEqualTo("c->ana");
    }
}
