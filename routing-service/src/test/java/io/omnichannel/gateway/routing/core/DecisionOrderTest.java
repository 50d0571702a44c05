package io.omnichannel.gateway.routing.core;

import static io.omnichannel.gateway.contract.Channel.CHAT;
import static io.omnichannel.gateway.contract.Channel.EMAIL;
import static io.omnichannel.gateway.contract.Channel.SMS;
import static io.omnichannel.gateway.routing.core.Fixtures.agent;
import static io.omnichannel.gateway.routing.core.Fixtures.decide;
import static io.omnichannel.gateway.routing.core.Fixtures.decideAll;
import static io.omnichannel.gateway.routing.core.Fixtures.work;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rule 1: which waiting item is decided first. */
class DecisionOrderTest {

    private final DecisionCore core = new DecisionCore(Strategy.LEAST_BUSY, Set.of());

    @Test
    void assignsEarliestDueFirst() {
        agent("ana").takes(CHAT, 10).in(core);
        work("late", CHAT).due(300).in(core);
        work("early", CHAT).due(100).in(core);
        work("middle", CHAT).due(200).in(core);

        assertThat(decideAll(core, 0)).containsExactly("early->ana", "middle->ana", "late->ana");
    }

    @Test
    void breaksDueTiesByPriorityThenArrivalThenId() {
        agent("ana").takes(CHAT, 10).in(core);
        work("b-low", CHAT).due(100).priority(3).arrived(1).in(core);
        work("d-urgent-late", CHAT).due(100).priority(0).arrived(50).in(core);
        work("c-urgent-early", CHAT).due(100).priority(0).arrived(10).in(core);
        work("a-urgent-early", CHAT).due(100).priority(0).arrived(10).in(core);

        assertThat(decideAll(core, 0))
                .containsExactly("a-urgent-early->ana", "c-urgent-early->ana", "d-urgent-late->ana", "b-low->ana");
    }

    @Test
    void picksTheEarliestDueItemAcrossChannels() {
        agent("ana").takes(CHAT, 5).takes(EMAIL, 5).takes(SMS, 5).in(core);
        work("email", EMAIL).due(30).in(core);
        work("chat", CHAT).due(20).in(core);
        work("sms", SMS).due(10).in(core);

        assertThat(decideAll(core, 0)).containsExactly("sms->ana", "chat->ana", "email->ana");
    }

    @Test
    void itemNobodyCanTakeDoesNotBlockLaterItemsOfItsChannel() {
        agent("ana").takes(CHAT, 5).skills("en").in(core);
        work("needs-german", CHAT).due(10).requires("de").in(core);
        work("english", CHAT).due(20).requires("en").in(core);
        work("anything", CHAT).due(30).in(core);

        assertThat(decideAll(core, 0)).containsExactly("english->ana", "anything->ana");
        assertThat(core.waitingInOrder(CHAT, 10)).extracting(WorkRequest::id).containsExactly("needs-german");
    }

    @Test
    void fullChannelDoesNotBlockOtherChannels() {
        agent("ana").takes(CHAT, 1).takes(EMAIL, 1).holding(CHAT, 1).in(core);
        work("chat", CHAT).due(10).in(core);
        work("email", EMAIL).due(20).in(core);

        assertThat(decideAll(core, 0)).containsExactly("email->ana");
    }

    @Test
    void blockedItemIsAssignedOnceAMatchingAgentFreesUp() {
        agent("ana").takes(CHAT, 1).skills("de").holding(CHAT, 1).in(core);
        agent("ben").takes(CHAT, 5).in(core);
        work("german", CHAT).due(10).requires("de").in(core);
        work("any", CHAT).due(20).in(core);
        assertThat(decideAll(core, 0)).containsExactly("any->ben");

        core.release("ana", CHAT);

        assertThat(decideAll(core, 1)).containsExactly("german->ana");
    }

    @Test
    void blockedItemIsAssignedOnceAMatchingAgentComesOnline() {
        agent("ana").takes(CHAT, 1).skills("de").offline().in(core);
        work("german", CHAT).due(10).requires("de").in(core);
        assertThat(decide(core, 0)).isEqualTo("none");

        core.setOnline("ana", true);

        assertThat(decide(core, 1)).isEqualTo("german->ana");
    }

    @Test
    void blockedItemIsAssignedOnceAMatchingAgentIsRegistered() {
        agent("ana").takes(CHAT, 1).in(core);
        work("german", CHAT).due(10).requires("de").in(core);
        assertThat(decide(core, 0)).isEqualTo("none");

        agent("ana").takes(CHAT, 1).skills("de").in(core);

        assertThat(decide(core, 1)).isEqualTo("german->ana");
    }

    @Test
    void newItemJoiningABlockedGroupWaitsWithIt() {
        agent("ana").takes(CHAT, 5).in(core);
        work("german-1", CHAT).due(10).requires("de").in(core);
        assertThat(decide(core, 0)).isEqualTo("none");

        work("german-2", CHAT).due(5).requires("de").in(core);
        work("plain", CHAT).due(20).in(core);

        assertThat(decideAll(core, 1)).containsExactly("plain->ana");
        assertThat(core.waitingInOrder(CHAT, 10)).extracting(WorkRequest::id).containsExactly("german-2", "german-1");
    }

    @Test
    void waitsWhenNobodyIsAvailableAndAssignsWhenSomeoneIs() {
        work("chat", CHAT).due(10).in(core);
        assertThat(decide(core, 0)).isEqualTo("none");

        agent("ana").takes(CHAT, 1).in(core);

        assertThat(decide(core, 1)).isEqualTo("chat->ana");
        assertThat(decide(core, 2)).isEqualTo("none");
    }

    @Test
    void addingWorkWithTheSameIdReplacesIt() {
        agent("ana").takes(CHAT, 5).takes(EMAIL, 5).in(core);
        work("a", CHAT).due(10).in(core);
        work("b", CHAT).due(20).in(core);

        work("a", EMAIL).due(30).in(core);

        assertThat(core.waitingCount()).isEqualTo(2);
        assertThat(core.waitingCount(CHAT)).isEqualTo(1);
        assertThat(core.waitingCount(EMAIL)).isEqualTo(1);
        assertThat(decideAll(core, 0)).containsExactly("b->ana", "a->ana");
    }

    @Test
    void removedWorkIsNeverDecided() {
        agent("ana").takes(CHAT, 5).in(core);
        work("a", CHAT).due(10).in(core);
        work("b", CHAT).due(20).in(core);

        assertThat(core.removeWork("a")).isTrue();
        assertThat(core.removeWork("a")).isFalse();
        assertThat(core.removeWork("unknown")).isFalse();

        assertThat(decideAll(core, 0)).containsExactly("b->ana");
        assertThat(core.waitingCount()).isZero();
    }

    @Test
    void listsWaitingItemsOfAChannelInAssignmentOrderWhateverTheirConstraints() {
        work("plain-30", CHAT).due(30).in(core);
        work("german-10", CHAT).due(10).requires("de").in(core);
        work("sticky-20", CHAT).due(20).prefers("ana", 1_000).in(core);
        work("team-5", CHAT).due(5).teams("vip").in(core);
        work("email-1", EMAIL).due(1).in(core);

        assertThat(core.waitingInOrder(CHAT, 10)).extracting(WorkRequest::id)
                .containsExactly("team-5", "german-10", "sticky-20", "plain-30");
        assertThat(core.waitingInOrder(CHAT, 2)).extracting(WorkRequest::id).containsExactly("team-5", "german-10");
        assertThat(core.waitingInOrder(CHAT, 0)).isEmpty();
        assertThat(core.waitingInOrder(SMS, 10)).isEmpty();
        assertThat(core.waitingCount()).isEqualTo(5);
        assertThat(core.waitingCount(CHAT)).isEqualTo(4);
    }

    @Test
    void drainStopsAtTheLimit() {
        agent("ana").takes(CHAT, 10).in(core);
        for (int i = 0; i < 5; i++) {
            work("w" + i, CHAT).due(i).in(core);
        }

        assertThat(core.drain(0, 3)).extracting(decision -> decision.work().id()).containsExactly("w0", "w1", "w2");
        assertThat(core.drain(0, 0)).isEmpty();
        assertThat(core.waitingCount()).isEqualTo(2);
    }

    @Test
    void freedAgentStillGetsBlockedWorkWhenAnotherAgentTakesTheItemItCouldHaveTaken() {
        agent("ana").takes(CHAT, 2).holding(CHAT, 2).skills("en", "es").in(core);
        agent("ben").takes(CHAT, 1).holding(CHAT, 1).skills("en").in(core);
        work("english", CHAT).due(1).requires("en").in(core);
        work("spanish", CHAT).due(2).requires("es").in(core);
        assertThat(decide(core, 0)).isEqualTo("none");

        core.release("ana", CHAT); // ana at 1/2 could take either
        core.release("ben", CHAT); // ben at 0/1 is less busy and takes the english one

        assertThat(decideAll(core, 1)).containsExactly("english->ben", "spanish->ana");
    }

    @Test
    void agentWithSeveralNewSlotsGetsSeveralBlockedItems() {
        agent("ana").takes(CHAT, 3).holding(CHAT, 3).in(core);
        work("a", CHAT).due(1).excluding("nobody-1").in(core);
        work("b", CHAT).due(2).excluding("nobody-2").in(core);
        work("c", CHAT).due(3).requires("es").in(core);
        work("d", CHAT).due(4).in(core);
        assertThat(decide(core, 0)).isEqualTo("none");

        agent("ana").takes(CHAT, 3).in(core); // re-registered holding nothing

        assertThat(decideAll(core, 1)).containsExactly("a->ana", "b->ana", "d->ana");
    }
}
