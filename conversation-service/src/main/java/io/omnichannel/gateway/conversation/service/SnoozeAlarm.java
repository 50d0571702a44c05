package io.omnichannel.gateway.conversation.service;

import io.omnichannel.gateway.conversation.domain.Conversation;
import io.omnichannel.gateway.conversation.domain.ConversationEvent;
import io.omnichannel.gateway.conversation.domain.TimelineKind;
import io.omnichannel.gateway.conversation.repository.ConversationRepository;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Opens snoozed conversations again when their time has come, and tells their agents. */
@ApplicationScoped
public class SnoozeAlarm {

    private final ConversationRepository conversations;
    private final Timeline timeline;
    private final LiveEvents liveEvents;
    private final Clock clock;

    SnoozeAlarm(ConversationRepository conversations, Timeline timeline, LiveEvents liveEvents, Clock clock) {
        this.conversations = conversations;
        this.timeline = timeline;
        this.liveEvents = liveEvents;
        this.clock = clock;
    }

    @Scheduled(every = "${conversation.snooze-check}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void wakeUpDue() {
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> conversations.snoozedUntilBefore(clock.instant(), 100));
        for (UUID id : due) {
            QuarkusTransaction.requiringNew().run(() -> wakeUp(id));
        }
    }

    private void wakeUp(UUID id) {
        Conversation conversation = conversations.findForUpdate(id).orElseThrow();
        Instant now = clock.instant();
        if (conversation.snoozedUntil() == null || conversation.snoozedUntil().isAfter(now) || !conversation.wakeUp(now)) {
            return;
        }
        timeline.record(conversation, TimelineKind.WOKE_UP, ConversationEvent.SYSTEM, null,
                Map.of("reason", "the snooze time has come"), now);
        liveEvents.publish(conversation.assigneeAgentId(), LiveEvent.about(LiveEventType.SNOOZE_ENDED, conversation, now), now);
        Log.infof("conversation %s: snooze over", id);
    }
}
