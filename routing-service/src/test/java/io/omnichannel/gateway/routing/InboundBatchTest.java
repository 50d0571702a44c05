package io.omnichannel.gateway.routing;

import static io.omnichannel.gateway.routing.RoutingTestSupport.sms;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.contract.RoutingEvent;
import io.omnichannel.gateway.contract.RoutingEventType;
import io.omnichannel.gateway.localstack.InjectLocalStack;
import io.omnichannel.gateway.localstack.LocalStack;
import io.omnichannel.gateway.localstack.LocalStackResource;
import io.omnichannel.gateway.routing.domain.WorkItem;
import io.omnichannel.gateway.routing.service.QueueService;
import io.omnichannel.gateway.routing.service.QueueService.Delivered;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.spi.QueryInterpretationCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A poll of inbound events is queued set-based in one transaction: the outcome must be that of handling them one by one. */
@QuarkusTest
@WithTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "databases", value = "routing"))
class InboundBatchTest {

    private static final RoutingEventType QUEUED = RoutingEventType.QUEUED;

    @InjectLocalStack
    LocalStack stack;

    @Inject
    QueueService queue;

    @Inject
    EntityManager entityManager;

    private RoutingEventLog events;

    @BeforeEach
    void startFromAnEmptyQueue() {
        RoutingTestSupport.clearRoutingState(entityManager);
        events = new RoutingEventLog(stack.kafkaBootstrapServers());
    }

    @AfterEach
    void closeLog() {
        events.close();
    }

    @Test
    void queuesEachConversationOnceWithinABatchAndAcrossRedeliveries() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        InboundMessage first = sms("+1431" + UUID.randomUUID(), start);
        InboundMessage sameConversation = sms(first.customer().handle(), start.plusSeconds(1));
        InboundMessage other = sms("+1432" + UUID.randomUUID(), start);
        Delivered firstEvent = new Delivered("e-" + UUID.randomUUID(), first);

        queue.enqueueAll(List.of(firstEvent, new Delivered("e-" + UUID.randomUUID(), sameConversation), firstEvent,
                new Delivered("e-" + UUID.randomUUID(), other)));
        queue.enqueueAll(List.of(firstEvent));

        WorkItem item = onlyItemOf(first.conversationKey());
        assertThat(item.messageId).isEqualTo(first.id());
        assertThat(item.clockStartedAt).isEqualTo(start);
        onlyItemOf(other.conversationKey());
        assertThat(publishedEvents(first.conversationKey(), 1)).containsExactly(QUEUED);
        assertThat(publishedEvents(other.conversationKey(), 1)).containsExactly(QUEUED);
    }

    @Test
    void aMessageAfterAnAgentsAnswerStartsTheNextResponseClockInTheSameBatchAsNewWork() {
        Instant start = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        InboundMessage answered = sms("+1433" + UUID.randomUUID(), start);
        queue.enqueueAll(List.of(new Delivered("e-" + UUID.randomUUID(), answered)));
        QuarkusTransaction.requiringNew().run(() -> {
            WorkItem item = entityManager.createQuery("from WorkItem where conversationKey = :key", WorkItem.class)
                    .setParameter("key", answered.conversationKey()).getSingleResult();
            item.awaitingResponse = false;
        });

        Instant again = start.plusSeconds(30);
        InboundMessage newConversation = sms("+1434" + UUID.randomUUID(), again);
        queue.enqueueAll(List.of(new Delivered("e-" + UUID.randomUUID(), sms(answered.customer().handle(), again)),
                new Delivered("e-" + UUID.randomUUID(), newConversation)));

        WorkItem restarted = onlyItemOf(answered.conversationKey());
        assertThat(restarted.awaitingResponse).isTrue();
        assertThat(restarted.clockStartedAt).isEqualTo(again);
        assertThat(publishedEvents(answered.conversationKey(), 2)).containsExactly(QUEUED, QUEUED);
        assertThat(onlyItemOf(newConversation.conversationKey()).clockStartedAt).isEqualTo(again);
    }

    /**
     * Every poll runs the same statements, so once the first poll has planned them, Hibernate's query plan cache must
     * not grow: a statement whose plan is cached again on every run fills the cache with copies (evicting the plans that
     * are reused) and makes every later lookup compare against all of them.
     */
    @Test
    void pollsReuseTheirCachedQueryPlans() {
        QueryInterpretationCache plans = entityManager.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
                .getQueryEngine().getInterpretationCache();
        Runnable poll = () -> queue.enqueueAll(List.of(
                new Delivered("e-" + UUID.randomUUID(), sms("+1435" + UUID.randomUUID(), Instant.now())),
                new Delivered("e-" + UUID.randomUUID(), sms("+1436" + UUID.randomUUID(), Instant.now()))));
        poll.run();
        int planned = plans.getNumberOfCachedQueryPlans();

        for (int i = 0; i < 20; i++) {
            poll.run();
        }

        assertThat(plans.getNumberOfCachedQueryPlans()).isEqualTo(planned);
    }

    private WorkItem onlyItemOf(String conversationKey) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<WorkItem> items = entityManager.createQuery("from WorkItem where conversationKey = :key", WorkItem.class)
                    .setParameter("key", conversationKey).getResultList();
            assertThat(items).hasSize(1);
            return items.get(0);
        });
    }

    /** The events published for the conversation, once {@code expected} queued events arrived, plus any that follow. */
    private List<RoutingEventType> publishedEvents(String conversationKey, int expected) {
        events.await(conversationKey, QUEUED, expected);
        return events.all(conversationKey, Duration.ofSeconds(1)).stream().map(RoutingEvent::type).toList();
    }
}
