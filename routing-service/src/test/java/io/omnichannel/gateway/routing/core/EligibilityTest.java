package io.omnichannel.gateway.routing.core;

import static io.omnichannel.gateway.contract.Channel.CHAT;
import static io.omnichannel.gateway.contract.Channel.EMAIL;
import static io.omnichannel.gateway.contract.Channel.PHONE;
import static io.omnichannel.gateway.contract.Channel.SMS;
import static io.omnichannel.gateway.routing.core.Fixtures.agent;
import static io.omnichannel.gateway.routing.core.Fixtures.decide;
import static io.omnichannel.gateway.routing.core.Fixtures.decideAll;
import static io.omnichannel.gateway.routing.core.Fixtures.work;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rules 2 and 5: who may get an item, and never over capacity. */
class EligibilityTest {

    private final DecisionCore core = new DecisionCore(Strategy.LEAST_BUSY, Set.of(PHONE));

    @Test
    void assignsOnlyOnlineAgents() {
        agent("ana").takes(CHAT, 5).offline().in(core);
        work("chat", CHAT).in(core);
        assertThat(decide(core, 0)).isEqualTo("none");

        core.setOnline("ana", true);
        assertThat(decide(core, 1)).isEqualTo("chat->ana");

        core.setOnline("ana", false);
        work("chat-2", CHAT).in(core);
        assertThat(decide(core, 2)).isEqualTo("none");
    }

    @Test
    void agentWithoutCapacityOnTheChannelTakesNothingThere() {
        agent("ana").takes(EMAIL, 5).takes(SMS, 0).in(core);
        work("chat", CHAT).in(core);
        work("sms", SMS).in(core);

        assertThat(decide(core, 0)).isEqualTo("none");
    }

    @Test
    void neverAssignsBeyondCapacityOnAChannel() {
        agent("ana").takes(CHAT, 2).in(core);
        for (int i = 0; i < 4; i++) {
            work("w" + i, CHAT).due(i).in(core);
        }

        assertThat(decideAll(core, 0)).containsExactly("w0->ana", "w1->ana");
        assertThat(core.load("ana", CHAT)).isEqualTo(2);

        core.release("ana", CHAT);

        assertThat(decideAll(core, 1)).containsExactly("w2->ana");
        assertThat(core.load("ana", CHAT)).isEqualTo(2);
    }

    @Test
    void countsTheLoadTheAgentWasRegisteredWith() {
        agent("ana").takes(CHAT, 3).holding(CHAT, 2).in(core);
        work("a", CHAT).due(1).in(core);
        work("b", CHAT).due(2).in(core);

        assertThat(decideAll(core, 0)).containsExactly("a->ana");
    }

    @Test
    void agentRegisteredAboveCapacityGetsNothingUntilBelowIt() {
        agent("ana").takes(CHAT, 1).holding(CHAT, 2).in(core);
        work("a", CHAT).in(core);

        assertThat(decide(core, 0)).isEqualTo("none");
        core.release("ana", CHAT);
        assertThat(decide(core, 1)).isEqualTo("none");
        core.release("ana", CHAT);
        assertThat(decide(core, 2)).isEqualTo("a->ana");
    }

    @Test
    void capacityIsPerChannel() {
        agent("ana").takes(CHAT, 1).takes(EMAIL, 2).in(core);
        work("chat-1", CHAT).due(1).in(core);
        work("chat-2", CHAT).due(2).in(core);
        work("email-1", EMAIL).due(3).in(core);
        work("email-2", EMAIL).due(4).in(core);

        assertThat(decideAll(core, 0)).containsExactly("chat-1->ana", "email-1->ana", "email-2->ana");
    }

    @Test
    void releasingWhatTheAgentDoesNotHoldChangesNothing() {
        agent("ana").takes(CHAT, 1).in(core);
        core.release("ana", CHAT);
        core.release("nobody", CHAT);
        work("a", CHAT).due(1).in(core);
        work("b", CHAT).due(2).in(core);

        assertThat(decideAll(core, 0)).containsExactly("a->ana");
        assertThat(core.load("ana", CHAT)).isEqualTo(1);
    }

    @Test
    void skipsExcludedAgents() {
        agent("ana").takes(CHAT, 5).in(core);
        agent("ben").takes(CHAT, 5).holding(CHAT, 4).in(core);
        work("rejected-by-ana", CHAT).excluding("ana").in(core);

        assertThat(decide(core, 0)).isEqualTo("rejected-by-ana->ben");
    }

    @Test
    void itemExcludingEveryoneWaits() {
        agent("ana").takes(CHAT, 5).in(core);
        work("rejected", CHAT).due(1).excluding("ana").in(core);
        work("other", CHAT).due(2).in(core);

        assertThat(decideAll(core, 0)).containsExactly("other->ana");
        assertThat(core.isWaiting("rejected")).isTrue();
    }

    @Test
    void requiresEveryRequiredSkill() {
        agent("ana").takes(CHAT, 5).skills("es").in(core);
        agent("ben").takes(CHAT, 5).skills("es", "billing").holding(CHAT, 4).in(core);
        work("spanish-billing", CHAT).requires("es", "billing").in(core);

        assertThat(decide(core, 0)).isEqualTo("spanish-billing->ben");
    }

    @Test
    void requiresOptionalSkillsUntilTheyAreDropped() {
        agent("ana").takes(CHAT, 5).skills("es").in(core);
        work("spanish-vip", CHAT).requires("es").optional("vip").in(core);
        assertThat(decide(core, 0)).isEqualTo("none");

        work("spanish-vip", CHAT).requires("es").optional("vip").optionalDropped().in(core);

        assertThat(decide(core, 1)).isEqualTo("spanish-vip->ana");
    }

    @Test
    void prefersNoOneForOptionalSkillsButRequiresThem() {
        agent("ana").takes(CHAT, 5).skills("es").in(core);
        agent("ben").takes(CHAT, 5).skills("es", "vip").holding(CHAT, 4).in(core);
        work("spanish-vip", CHAT).requires("es").optional("vip").in(core);

        assertThat(decide(core, 0)).isEqualTo("spanish-vip->ben");
    }

    @Test
    void restrictsToEligibleTeams() {
        agent("ana").takes(CHAT, 5).teams("sales").in(core);
        agent("ben").takes(CHAT, 5).teams("support", "vip").holding(CHAT, 4).in(core);
        work("vip-or-billing", CHAT).teams("vip", "billing").in(core);

        assertThat(decide(core, 0)).isEqualTo("vip-or-billing->ben");
    }

    @Test
    void emptyEligibleTeamsMeansAnyTeam() {
        agent("ana").takes(CHAT, 5).in(core);
        work("any", CHAT).in(core);

        assertThat(decide(core, 0)).isEqualTo("any->ana");
    }

    @Test
    void agentOnAnExclusiveChannelTakesNothingElse() {
        agent("ana").takes(PHONE, 1).takes(CHAT, 3).holding(PHONE, 1).in(core);
        work("chat", CHAT).in(core);
        assertThat(decide(core, 0)).isEqualTo("none");

        core.release("ana", PHONE);

        assertThat(decide(core, 1)).isEqualTo("chat->ana");
    }

    @Test
    void agentHoldingAnyWorkTakesNoExclusiveChannelWork() {
        agent("ana").takes(PHONE, 2).takes(CHAT, 3).holding(CHAT, 1).in(core);
        work("call", PHONE).in(core);
        assertThat(decide(core, 0)).isEqualTo("none");

        core.release("ana", CHAT);

        assertThat(decide(core, 1)).isEqualTo("call->ana");
    }

    @Test
    void agentOnAnExclusiveChannelHoldsOneItemWhateverItsCapacity() {
        agent("ana").takes(PHONE, 2).takes(CHAT, 3).in(core);
        work("call-1", PHONE).due(1).in(core);
        work("call-2", PHONE).due(2).in(core);
        work("chat", CHAT).due(3).in(core);

        assertThat(decideAll(core, 0)).containsExactly("call-1->ana");
    }

    @Test
    void channelsAreNotExclusiveUnlessConfigured() {
        DecisionCore mixing = new DecisionCore(Strategy.LEAST_BUSY, Set.of());
        agent("ana").takes(PHONE, 1).takes(CHAT, 3).holding(CHAT, 1).in(mixing);
        work("call", PHONE).due(1).in(mixing);
        work("chat", CHAT).due(2).in(mixing);

        assertThat(decideAll(mixing, 0)).containsExactly("call->ana", "chat->ana");
    }

    @Test
    void removedAgentGetsNothing() {
        agent("ana").takes(CHAT, 5).in(core);
        core.removeAgent("ana");
        core.removeAgent("ana");
        work("chat", CHAT).in(core);

        assertThat(decide(core, 0)).isEqualTo("none");
        assertThat(core.hasAgent("ana")).isFalse();
        assertThat(core.agentCount()).isZero();
    }

    @Test
    void reRegisteringAnAgentReplacesItsProfileAndLoad() {
        agent("ana").takes(CHAT, 1).holding(CHAT, 1).in(core);
        work("chat", CHAT).due(1).in(core);
        work("email", EMAIL).due(2).in(core);
        assertThat(decide(core, 0)).isEqualTo("none");

        agent("ana").takes(EMAIL, 1).in(core);

        assertThat(decideAll(core, 1)).containsExactly("email->ana");
        assertThat(core.load("ana", CHAT)).isZero();
        assertThat(core.agentCount()).isEqualTo(1);
    }

    @Test
    void rejectsNegativeCapacityAndLoad() {
        assertThatThrownBy(() -> new AgentProfile("ana", Map.of(CHAT, -1), Set.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        AgentProfile ana = new AgentProfile("ana", Map.of(CHAT, 1), Set.of(), Set.of());
        assertThatThrownBy(() -> core.putAgent(ana, true, Map.of(CHAT, -1), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(core.hasAgent("ana")).isFalse();
    }

    @Test
    void decidesEachItemOnce() {
        agent("ana").takes(CHAT, 5).in(core);
        agent("ben").takes(CHAT, 5).in(core);
        work("chat", CHAT).in(core);

        assertThat(decideAll(core, 0)).hasSize(1);
        assertThat(decide(core, 1)).isEqualTo("none");
        assertThat(core.isWaiting("chat")).isFalse();
    }

    @Test
    void matchesSkillsAndTeamsBeyondTheFirstSixtyFourNames() {
        for (int i = 0; i < 70; i++) {
            agent("filler-" + i).takes(EMAIL, 1).skills("skill-" + i).teams("team-" + i).in(core);
        }
        agent("ana").takes(CHAT, 5).skills("skill-3", "skill-68").teams("team-69").in(core);
        agent("ben").takes(CHAT, 5).skills("skill-3").teams("team-2").in(core);
        agent("cid").takes(CHAT, 5).skills("skill-68", "skill-new").teams("team-68").in(core);
        work("late-skill", CHAT).due(1).requires("skill-3", "skill-68").in(core);
        work("late-team", CHAT).due(2).teams("team-69", "team-new").in(core);
        work("unknown-skill", CHAT).due(3).requires("skill-other").in(core);
        work("new-skill", CHAT).due(4).requires("skill-new").in(core);

        assertThat(decideAll(core, 0)).containsExactly("late-skill->ana", "late-team->ana", "new-skill->cid");
    }
}
