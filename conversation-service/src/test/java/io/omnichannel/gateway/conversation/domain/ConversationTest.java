package io.omnichannel.gateway.conversation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.ConversationKey;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConversationTest {

    private final Instant now = Instant.parse("2026-11-23T10:00:00Z");

    private Conversation conversation() {
        Customer customer = Customer.firstContact(now);
        CustomerIdentity identity = CustomerIdentity.of(new IdentityRef(IdentityKind.PHONE, "+14155552671", true),
                customer.id(), CustomerIdentity.AUTO, now);
        return Conversation.open(new ConversationKey(Channel.SMS, "+15550001111", "+14155552671"), customer, identity, null, now);
    }

    @Test
    void aReplyMeetsTheTargetAndGivesTheCustomerTheTurn() {
        Conversation c = conversation();
        c.assignedTo("ana", "team-a", "w1", now.plusSeconds(3600), now);

        c.replied(now.plusSeconds(90));

        assertThat(c.status()).isEqualTo(ConversationStatus.PENDING);
        assertThat(c.slaState()).isEqualTo(SlaState.MET);
        assertThat(c.firstResponseTime()).hasSeconds(90);
        assertThat(c.messageReceived(now.plusSeconds(200), "twilio", now.plusSeconds(200))).isTrue();
        assertThat(c.status()).isEqualTo(ConversationStatus.OPEN);
    }

    @Test
    void aBreachStaysABreachAndAWarningComesOnlyBeforeIt() {
        Conversation c = conversation();
        c.assignedTo("ana", null, "w1", now.plusSeconds(60), now);

        assertThat(c.slaBreached(now)).isTrue();
        assertThat(c.slaWarning(now)).isFalse();
        c.replied(now);
        assertThat(c.slaState()).isEqualTo(SlaState.BREACHED);
    }

    @Test
    void tellsAnAssignmentFromATransfer() {
        Conversation c = conversation();
        assertThat(c.assignedTo("ana", "team-a", "w1", null, now)).isEqualTo(Assignment.ASSIGNED);
        assertThat(c.assignedTo("ana", "team-a", "w1", null, now)).isEqualTo(Assignment.UNCHANGED);
        assertThat(c.assignedTo("bob", "team-b", "w1", null, now)).isEqualTo(Assignment.TRANSFERRED);
        assertThat(c.teamId()).isEqualTo("team-a");
    }

    @Test
    void onlyALiveConversationCanBeSnoozedResolvedOrAnsweredAndOnlyAResolvedOneReopened() {
        Conversation c = conversation();
        assertThatThrownBy(() -> c.reopen(now)).isInstanceOf(InvalidTransitionException.class);
        assertThatThrownBy(() -> c.snooze(now.minusSeconds(1), now)).isInstanceOf(IllegalArgumentException.class);
        c.snooze(now.plusSeconds(60), now);
        assertThat(c.wakeUp(now.plusSeconds(61))).isTrue();

        c.resolve(now);

        assertThat(c.resolutionTime()).isZero();
        assertThatThrownBy(() -> c.resolve(now)).isInstanceOf(InvalidTransitionException.class);
        assertThatThrownBy(() -> c.replied(now)).isInstanceOf(InvalidTransitionException.class);
        assertThatThrownBy(() -> c.snooze(now.plusSeconds(60), now)).isInstanceOf(InvalidTransitionException.class);
        c.reopen(now);
        assertThat(c.status()).isEqualTo(ConversationStatus.OPEN);
        assertThat(c.resolvedAt()).isNull();
    }

    @Test
    void deliveryStatusOnlyMovesForward() {
        assertThat(DeliveryState.QUEUED.canAdvanceTo(DeliveryState.SENT)).isTrue();
        assertThat(DeliveryState.DELIVERED.canAdvanceTo(DeliveryState.SENT)).isFalse();
        assertThat(DeliveryState.DELIVERED.canAdvanceTo(DeliveryState.FAILED)).isTrue();
        assertThat(DeliveryState.FAILED.canAdvanceTo(DeliveryState.DELIVERED)).isFalse();
        assertThat(DeliveryState.READ.canAdvanceTo(DeliveryState.FAILED)).isFalse();
    }
}
