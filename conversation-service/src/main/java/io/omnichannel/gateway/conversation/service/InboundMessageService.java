package io.omnichannel.gateway.conversation.service;

import io.omnichannel.gateway.contract.ConversationKey;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.conversation.domain.Conversation;
import io.omnichannel.gateway.conversation.domain.ConversationEvent;
import io.omnichannel.gateway.conversation.domain.ConversationStatus;
import io.omnichannel.gateway.conversation.domain.Identities;
import io.omnichannel.gateway.conversation.domain.IdentityRef;
import io.omnichannel.gateway.conversation.domain.Message;
import io.omnichannel.gateway.conversation.domain.TimelineKind;
import io.omnichannel.gateway.conversation.repository.IdentityRepository;
import io.omnichannel.gateway.conversation.repository.InboundBatchRepository;
import io.omnichannel.gateway.conversation.repository.MessageRepository;
import io.omnichannel.gateway.conversation.repository.ProcessedEventRepository;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Files a customer's message into their live conversation, opening or reopening one if needed. */
@ApplicationScoped
public class InboundMessageService {

    /** Inbound metadata carrying the customer's satisfaction score (1 to 5), e.g. from a survey answered by SMS. */
    public static final String SATISFACTION_SCORE = "satisfactionScore";

    /**
     * Messages filed one by one between two flushes of the persistence context. Every native query flushes (and
     * dirty-checks) all managed entities first, so the context is kept small: a few entities per message.
     */
    private static final int FLUSH_EVERY = 10;

    private final ProcessedEventRepository processedEvents;
    private final MessageRepository messages;
    private final IdentityRepository identities;
    private final ConversationOpener opener;
    private final Identities normalizer;
    private final LiveEvents liveEvents;
    private final Timeline timeline;
    private final Clock clock;
    private final EntityManager entityManager;
    private final InboundBatchRepository batches;
    private final NewConversations newConversations;

    InboundMessageService(ProcessedEventRepository processedEvents, MessageRepository messages,
            IdentityRepository identities, ConversationOpener opener, Identities normalizer, LiveEvents liveEvents,
            Timeline timeline, Clock clock, EntityManager entityManager, InboundBatchRepository batches,
            NewConversations newConversations) {
        this.processedEvents = processedEvents;
        this.messages = messages;
        this.identities = identities;
        this.opener = opener;
        this.normalizer = normalizer;
        this.liveEvents = liveEvents;
        this.timeline = timeline;
        this.clock = clock;
        this.entityManager = entityManager;
        this.batches = batches;
        this.newConversations = newConversations;
    }

    /** A message as the topic delivered it, with the id of its event. */
    public record Delivered(String eventId, InboundMessage message) {
    }

    /** Stores {@code message}, delivered as event {@code eventId}, once: a redelivery changes nothing. */
    @Transactional
    public EventOutcome receive(String eventId, InboundMessage message) {
        return store(eventId, message);
    }

    /**
     * Stores a batch of messages in one transaction: all of them, or none (the consumer then stores them
     * one by one to find the one at fault). Messages joining a live conversation and first messages of new
     * customers take set-based paths (a few statements for the whole batch); the others (a reopened
     * conversation, a snoozed one, a known address on a new key, metadata that links identities or rates the
     * conversation) are filed one by one.
     */
    @Transactional
    public List<EventOutcome> receiveAll(List<Delivered> batch) {
        Instant now = clock.instant();
        Set<String> fresh = batches.markProcessed(batch.stream().map(Delivered::eventId).distinct().toList(), now);
        Set<String> stored = batches.storedMessages(batch.stream().map(d -> d.message().id()).distinct().toList());
        EventOutcome[] outcomes = new EventOutcome[batch.size()];
        Set<String> events = new HashSet<>();
        Set<String> messageIds = new HashSet<>();
        List<Integer> toFile = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Delivered delivered = batch.get(i);
            boolean repeated = !fresh.contains(delivered.eventId()) || !events.add(delivered.eventId())
                    || stored.contains(delivered.message().id()) || !messageIds.add(delivered.message().id());
            if (repeated) {
                outcomes[i] = EventOutcome.DUPLICATE;
            } else {
                toFile.add(i);
            }
        }
        Map<String, InboundBatchRepository.LiveConversation> live = toFile.isEmpty() ? Map.of()
                : batches.lockLive(toFile.stream().map(i -> batch.get(i).message().conversationKey()).distinct().toList());
        List<InboundBatchRepository.NewMessage> joining = new ArrayList<>();
        Map<UUID, Instant> latest = new HashMap<>();
        Map<UUID, String> names = new HashMap<>();
        List<Integer> oneByOne = new ArrayList<>();
        for (int i : toFile) {
            InboundMessage message = batch.get(i).message();
            InboundBatchRepository.LiveConversation conversation = live.get(message.conversationKey());
            if (conversation == null || !joinsAsItIs(message, conversation)) {
                oneByOne.add(i);
                continue;
            }
            joining.add(new InboundBatchRepository.NewMessage(message, conversation.id()));
            latest.merge(conversation.id(), message.receivedAt(), (a, b) -> a.isAfter(b) ? a : b);
            String name = message.customer().displayName();
            if (name != null && !name.isBlank()) {
                names.put(conversation.customerId(), name);
            }
            outcomes[i] = EventOutcome.APPLIED;
        }
        if (!joining.isEmpty()) {
            batches.insert(joining);
            batches.received(latest, now);
            batches.rename(names);
            for (InboundBatchRepository.NewMessage row : joining) {
                InboundBatchRepository.LiveConversation c = live.get(row.message().conversationKey());
                liveEvents.publish(c.assigneeAgentId(), LiveEvent.of(LiveEventType.MESSAGE, c.id(), c.key(), c.channel(),
                        c.customerHandle(), c.assigneeAgentId(), c.dueAt(), now)
                        .withMessage(row.message().id(), row.message().text()), now);
            }
        }
        Set<String> firstOfKey = new HashSet<>();
        List<InboundMessage> firstContacts = oneByOne.stream().map(i -> batch.get(i).message())
                .filter(m -> !live.containsKey(m.conversationKey()) && firstOfKey.add(m.conversationKey())).toList();
        Set<InboundMessage> opened = firstContacts.isEmpty() ? Set.of() : newConversations.open(firstContacts, now);
        int filed = 0;
        for (int i : oneByOne) {
            if (opened.contains(batch.get(i).message())) {
                outcomes[i] = EventOutcome.APPLIED;
                continue;
            }
            outcomes[i] = file(batch.get(i).message(), now);
            if (++filed % FLUSH_EVERY == 0) {
                // keeps the persistence context (and the dirty checks of every flush) small in large batches
                entityManager.flush();
                entityManager.clear();
            }
        }
        return List.of(outcomes);
    }

    /** Whether the message only adds to its live conversation: no state change that needs the full path. */
    private static boolean joinsAsItIs(InboundMessage message, InboundBatchRepository.LiveConversation conversation) {
        Map<String, String> metadata = message.metadata();
        return ("open".equals(conversation.status()) || "pending".equals(conversation.status()))
                && Objects.equals(conversation.provider(), message.provider()) && plainMetadata(message);
    }

    /** No metadata that only the one-by-one path handles: no claim of a verified address, no satisfaction score. */
    static boolean plainMetadata(InboundMessage message) {
        Map<String, String> metadata = message.metadata();
        return !metadata.containsKey(SATISFACTION_SCORE) && !metadata.containsKey(Identities.VERIFIED_EMAIL)
                && !metadata.containsKey(Identities.VERIFIED_PHONE) && !metadata.containsKey(Identities.AUTHENTICATED);
    }

    private EventOutcome store(String eventId, InboundMessage message) {
        Instant now = clock.instant();
        if (!processedEvents.markProcessed(eventId, now) || messages.findByIdOptional(message.id()).isPresent()) {
            Log.debugf("message %s (event %s) already stored", message.id(), eventId);
            return EventOutcome.DUPLICATE;
        }
        return file(message, now);
    }

    /** Files a message that is not stored yet into its conversation, opening or reopening it. */
    private EventOutcome file(InboundMessage message, Instant now) {
        ConversationKey key = new ConversationKey(message.channel(), message.inbox(), message.customer().handle());
        IdentityRef identity = normalizer.ofHandle(message.channel(), key.customerHandle(), message.metadata());
        ConversationOpener.Opened opened = opener.open(key, identity, message.customer().displayName(),
                normalizer.verifiedClaims(message.metadata()), now);
        Conversation conversation = opened.conversation();
        if (opened.started() || !Objects.equals(conversation.provider(), message.provider())) {
            identities.used(conversation.identityId(), message.channel(), key.customerHandle(), message.inbox(),
                    message.provider(), message.receivedAt());
        }
        messages.persist(Message.inbound(message, conversation.id()));
        boolean wasSnoozed = conversation.status() == ConversationStatus.SNOOZED;
        if (conversation.messageReceived(message.receivedAt(), message.provider(), now) && wasSnoozed) {
            timeline.record(conversation, TimelineKind.WOKE_UP, ConversationEvent.CUSTOMER, null,
                    Map.of("reason", "the customer wrote"), now);
        }
        satisfaction(message).ifPresent(score -> conversation.satisfaction(score, now));
        liveEvents.publish(conversation.assigneeAgentId(),
                LiveEvent.about(LiveEventType.MESSAGE, conversation, now).withMessage(message.id(), message.text()), now);
        Log.debugf("message %s stored in conversation %s", message.id(), conversation.id());
        return EventOutcome.APPLIED;
    }

    private static java.util.Optional<Integer> satisfaction(InboundMessage message) {
        String value = message.metadata().get(SATISFACTION_SCORE);
        if (value == null) {
            return java.util.Optional.empty();
        }
        try {
            int score = Integer.parseInt(value.trim());
            return score >= 1 && score <= 5 ? java.util.Optional.of(score) : java.util.Optional.empty();
        } catch (NumberFormatException e) {
            Log.warnf("message %s: ignoring satisfaction score '%s', not a number from 1 to 5", message.id(), value);
            return java.util.Optional.empty();
        }
    }
}
