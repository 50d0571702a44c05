package io.omnichannel.gateway.routing.core;

import static io.omnichannel.gateway.contract.Channel.CHAT;
import static io.omnichannel.gateway.contract.Channel.PHONE;
import static io.omnichannel.gateway.routing.core.Fixtures.agent;
import static io.omnichannel.gateway.routing.core.Fixtures.decide;
import static io.omnichannel.gateway.routing.core.Fixtures.decideAll;
import static io.omnichannel.gateway.routing.core.Fixtures.work;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rule 4: the preferred (last) agent first, waiting for them only while they are online and could take it. */
class StickyRoutingTest {

    private final DecisionCore core = new DecisionCore(Strategy.LEAST_BUSY, Set.of(PHONE));

    @Test
    void preferredAgentGetsTheItemWhenEligible() {
        agent("ana").takes(CHAT, 4).in(core);
        agent("ben").takes(CHAT, 4).holding(CHAT, 3).in(core);
        work("returning", CHAT).prefers("ben", 1_000).in(core);

        assertThat(decide(core, 0)).isEqualTo("returning->ben");
    }

    @Test
    void waitsForAPreferredAgentWithoutAFreeSlotUntilThePreferenceEnds() {
        agent("ana").takes(CHAT, 4).in(core);
        agent("ben").takes(CHAT, 1).holding(CHAT, 1).in(core);
        work("returning", CHAT).prefers("ben", 1_000).in(core);

        assertThat(decide(core, 0)).isEqualTo("none");
        assertThat(decide(core, 999)).isEqualTo("none");
        assertThat(decide(core, 1_000)).isEqualTo("returning->ana");
    }

    @Test
    void itemWaitingForItsPreferredAgentDoesNotBlockOthers() {
        agent("ana").takes(CHAT, 4).in(core);
        agent("ben").takes(CHAT, 1).holding(CHAT, 1).in(core);
        work("returning", CHAT).due(1).prefers("ben", 1_000).in(core);
        work("new", CHAT).due(2).in(core);

        assertThat(decideAll(core, 0)).containsExactly("new->ana");
    }

    @Test
    void preferredAgentFreeingUpGetsTheWaitingItem() {
        agent("ana").takes(CHAT, 4).in(core);
        agent("ben").takes(CHAT, 1).holding(CHAT, 1).in(core);
        work("returning", CHAT).prefers("ben", 1_000).in(core);
        assertThat(decide(core, 0)).isEqualTo("none");

        core.release("ben", CHAT);

        assertThat(decide(core, 10)).isEqualTo("returning->ben");
    }

    @Test
    void waitsForAPreferredAgentBusyOnAnExclusiveChannel() {
        agent("ana").takes(CHAT, 4).in(core);
        agent("ben").takes(CHAT, 4).takes(PHONE, 1).holding(PHONE, 1).in(core);
        work("returning", CHAT).prefers("ben", 1_000).in(core);
        assertThat(decide(core, 0)).isEqualTo("none");

        core.release("ben", PHONE);

        assertThat(decide(core, 10)).isEqualTo("returning->ben");
    }

    @Test
    void neverWaitsForAnOfflinePreferredAgent() {
        agent("ana").takes(CHAT, 4).in(core);
        agent("ben").takes(CHAT, 4).offline().in(core);
        work("returning", CHAT).prefers("ben", 1_000).in(core);

        assertThat(decide(core, 0)).isEqualTo("returning->ana");
    }

    @Test
    void neverWaitsForAnUnknownPreferredAgent() {
        agent("ana").takes(CHAT, 4).in(core);
        work("returning", CHAT).prefers("gone", 1_000).in(core);

        assertThat(decide(core, 0)).isEqualTo("returning->ana");
    }

    @Test
    void preferredAgentGoingOfflineLetsAnyoneTakeTheWaitingItem() {
        agent("ana").takes(CHAT, 4).in(core);
        agent("ben").takes(CHAT, 1).holding(CHAT, 1).in(core);
        work("returning", CHAT).prefers("ben", 1_000).in(core);
        assertThat(decide(core, 0)).isEqualTo("none");

        core.setOnline("ben", false);

        assertThat(decide(core, 1)).isEqualTo("returning->ana");
    }

    @Test
    void preferredAgentBeingRemovedLetsAnyoneTakeTheWaitingItem() {
        agent("ana").takes(CHAT, 4).in(core);
        agent("ben").takes(CHAT, 1).holding(CHAT, 1).in(core);
        work("returning", CHAT).prefers("ben", 1_000).in(core);
        assertThat(decide(core, 0)).isEqualTo("none");

        core.removeAgent("ben");

        assertThat(decide(core, 1)).isEqualTo("returning->ana");
    }

    @Test
    void preferredAgentComingOnlineMakesTheItemWaitForThem() {
        agent("ben").takes(CHAT, 1).holding(CHAT, 1).offline().in(core);
        work("returning", CHAT).prefers("ben", 1_000).in(core);
        assertThat(decide(core, 0)).isEqualTo("none"); // nobody at all

        core.setOnline("ben", true);
        agent("ana").takes(CHAT, 4).in(core);

        assertThat(decide(core, 1)).isEqualTo("none"); // ben is back: wait for him
        core.release("ben", CHAT);
        assertThat(decide(core, 2)).isEqualTo("returning->ben");
    }

    @Test
    void doesNotWaitForAPreferredAgentWhoCouldNeverTakeTheItem() {
        agent("ana").takes(CHAT, 4).skills("es").in(core);
        agent("ben").takes(CHAT, 1).holding(CHAT, 1).in(core);
        agent("cid").takes(PHONE, 1).in(core);
        work("needs-spanish", CHAT).due(1).requires("es").prefers("ben", 1_000).in(core);
        work("rejected-by-ben", CHAT).due(2).excluding("ben").prefers("ben", 1_000).in(core);
        work("cid-has-no-chat", CHAT).due(3).prefers("cid", 1_000).in(core);

        assertThat(decideAll(core, 0))
                .containsExactly("needs-spanish->ana", "rejected-by-ben->ana", "cid-has-no-chat->ana");
    }

    @Test
    void preferredAgentMustStillMeetTheItemsConstraintsToGetIt() {
        agent("ana").takes(CHAT, 4).teams("vip").in(core);
        agent("ben").takes(CHAT, 4).teams("basic").in(core);
        work("vip", CHAT).teams("vip").prefers("ben", 1_000).in(core);

        assertThat(decide(core, 0)).isEqualTo("vip->ana");
    }

    @Test
    void anyoneEligibleGetsTheItemOnceThePreferenceHasEnded() {
        agent("ana").takes(CHAT, 4).in(core);
        agent("ben").takes(CHAT, 4).holding(CHAT, 3).in(core);
        work("returning", CHAT).prefers("ben", 1_000).in(core);

        assertThat(decide(core, 1_000)).isEqualTo("returning->ana");
    }

    @Test
    void itemsPreferringTheSameAgentGoToThemInOrderWhileTheyHaveRoom() {
        agent("ana").takes(CHAT, 4).in(core);
        agent("ben").takes(CHAT, 2).in(core);
        work("first", CHAT).due(1).prefers("ben", 1_000).in(core);
        work("second", CHAT).due(2).prefers("ben", 1_000).in(core);
        work("third", CHAT).due(3).prefers("ben", 500).in(core);
        work("fourth", CHAT).due(4).in(core);

        assertThat(decideAll(core, 0)).containsExactly("first->ben", "second->ben", "fourth->ana");
        assertThat(decideAll(core, 499)).isEmpty();
        assertThat(decideAll(core, 500)).containsExactly("third->ana");
    }

    @Test
    void itemThatStartsWaitingForItsPreferredAgentDoesNotHoldUpWorkTheFreedAgentCanTake() {
        agent("ana").takes(CHAT, 1).holding(CHAT, 1).in(core);
        agent("ben").takes(CHAT, 1).holding(CHAT, 1).offline().in(core);
        work("returning", CHAT).due(1).prefers("ben", 1_000).in(core);
        work("later", CHAT).due(2).in(core);
        assertThat(decide(core, 0)).isEqualTo("none"); // nobody has a free slot

        core.release("ana", CHAT); // ana can take the first item: ben is offline
        core.setOnline("ben", true); // now "returning" waits for ben, who is full

        assertThat(decide(core, 1)).isEqualTo("later->ana");
    }
}
