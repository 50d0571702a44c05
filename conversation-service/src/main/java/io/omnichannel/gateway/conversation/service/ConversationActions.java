package io.omnichannel.gateway.conversation.service;

import io.omnichannel.gateway.contract.Attachment;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.OutboundMessage;
import io.omnichannel.gateway.conversation.domain.Conversation;
import io.omnichannel.gateway.conversation.domain.ConversationEvent;
import io.omnichannel.gateway.conversation.domain.ConversationStatus;
import io.omnichannel.gateway.conversation.domain.Identities;
import io.omnichannel.gateway.conversation.domain.InvalidTransitionException;
import io.omnichannel.gateway.conversation.domain.Message;
import io.omnichannel.gateway.conversation.domain.MessageDirection;
import io.omnichannel.gateway.conversation.domain.Priority;
import io.omnichannel.gateway.conversation.domain.TimelineKind;
import io.omnichannel.gateway.conversation.repository.ConversationRepository;
import io.omnichannel.gateway.conversation.repository.IdentityRepository;
import io.omnichannel.gateway.conversation.repository.MessageRepository;
import io.omnichannel.gateway.conversation.routing.RoutingService;
import io.omnichannel.gateway.conversation.security.Viewer;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Hibernate;

/**
 * What agents do to a conversation. Local changes are one transaction each; commands that concern
 * assignment or capacity (transfer, escalate, priority, resolve) go to the routing service first and
 * are recorded here only once it accepted them. Every action is refused with 404 for a conversation the
 * agent may not see, and with 409 when the conversation's state does not allow it.
 */
@ApplicationScoped
public class ConversationActions {

    /** What an agent wants to send; {@code channel} empty = the conversation's own channel (SMS for phone). */
    public record ReplyCommand(String text, String html, String subject, List<Attachment> attachments,
            Optional<Channel> channel) {
    }

    /** The stored reply, and whether it was stored by an earlier request with the same Idempotency-Key. */
    public record ReplyAccepted(Message message, boolean repeated) {
    }

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final IdentityRepository identities;
    private final Outbox outbox;
    private final Timeline timeline;
    private final RoutingService routing;
    private final Clock clock;

    ConversationActions(ConversationRepository conversations, MessageRepository messages, IdentityRepository identities,
            Outbox outbox, Timeline timeline, RoutingService routing, Clock clock) {
        this.conversations = conversations;
        this.messages = messages;
        this.identities = identities;
        this.outbox = outbox;
        this.timeline = timeline;
        this.routing = routing;
        this.clock = clock;
    }

    /**
     * Stores the reply and queues it for delivery in one transaction (the outbox). A repeated request
     * with the same {@code idempotencyKey} returns the reply the first one stored.
     */
    @Transactional
    public ReplyAccepted reply(Viewer viewer, UUID id, ReplyCommand command, Optional<String> idempotencyKey) {
        Conversation conversation = lockVisible(viewer, id);
        if (idempotencyKey.isPresent()) {
            Optional<Message> earlier = messages.findByIdempotencyKey(id, idempotencyKey.get());
            if (earlier.isPresent()) {
                Log.infof("conversation %s: reply with Idempotency-Key %s was stored before as %s", id,
                        idempotencyKey.get(), earlier.get().id());
                return new ReplyAccepted(earlier.get(), true);
            }
        }
        Instant now = clock.instant();
        conversation.replied(now);
        Target target = target(conversation, command.channel().orElse(conversation.channel()));
        Optional<Message> answered = target.channel() == conversation.channel()
                ? lastInbound(conversation) : Optional.empty();
        String subject = command.subject() != null ? command.subject()
                : answered.map(Message::subject).filter(s -> target.channel() == Channel.EMAIL)
                        .map(s -> s.regionMatches(true, 0, "re:", 0, 3) ? s : "Re: " + s).orElse(null);
        OutboundMessage reply = new OutboundMessage(UUID.randomUUID().toString(), conversation.id().toString(),
                target.channel(), target.provider(), target.inbox(), target.to(), viewer.agentId(), subject,
                command.text(), command.html(), command.attachments(), answered.map(Message::externalId).orElse(null),
                now, Map.of());
        Message stored = Message.reply(reply, conversation.id(), idempotencyKey.orElse(null));
        messages.persist(stored);
        outbox.reply(reply);
        Log.infof("conversation %s: reply %s by %s queued on %s to %s via %s/%s", id, reply.id(), viewer.agentId(),
                target.channel().wireName(), target.to(), target.provider(), target.inbox());
        return new ReplyAccepted(stored, false);
    }

    @Transactional
    public ConversationEvent note(Viewer viewer, UUID id, String text) {
        Conversation conversation = lockVisible(viewer, id);
        Instant now = clock.instant();
        conversation.noted(now);
        return timeline.record(conversation, TimelineKind.NOTE, viewer.agentId(), text, Map.of(), now);
    }

    @Transactional
    public Conversation snooze(Viewer viewer, UUID id, Instant until) {
        Conversation conversation = lockVisible(viewer, id);
        Instant now = clock.instant();
        try {
            conversation.snooze(until, now);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("until", e.getMessage());
        }
        timeline.record(conversation, TimelineKind.SNOOZED, viewer.agentId(), null, Map.of("until", until.toString()), now);
        return loaded(conversation);
    }

    /**
     * A resolved conversation is first taken back in the routing service (its agent's capacity counts
     * it again; refused, 409, without a free slot), then reopened here.
     */
    public Conversation reopen(Viewer viewer, UUID id) {
        Conversation before = QuarkusTransaction.requiringNew().call(() -> reopenable(lockVisible(viewer, id)));
        if (before.status() == ConversationStatus.RESOLVED) {
            routing.reopen(before.conversationKey(),
                    before.assigneeAgentId() != null ? before.assigneeAgentId() : viewer.agentId());
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Conversation conversation = reopenable(lockVisible(viewer, id));
            Instant now = clock.instant();
            conversation.reopen(now);
            timeline.record(conversation, TimelineKind.REOPENED, viewer.agentId(), null, Map.of(), now);
            return loaded(conversation);
        });
    }

    /** Refuses to reopen a resolved conversation whose customer has written again since: that one is live. */
    private Conversation reopenable(Conversation conversation) {
        if (conversation.status() == ConversationStatus.RESOLVED) {
            Optional<Conversation> live = conversations.find("conversationKey = ?1 and status <> ?2",
                    conversation.conversationKey(), ConversationStatus.RESOLVED).firstResultOptional();
            if (live.isPresent()) {
                throw new ConflictException("the customer has written again since: conversation " + live.get().id()
                        + " is live for " + conversation.conversationKey() + "; continue there");
            }
        }
        return conversation;
    }

    @Transactional
    public Conversation tag(Viewer viewer, UUID id, List<String> tags) {
        Conversation conversation = lockVisible(viewer, id);
        if (!conversation.hasTags(tags.stream().map(String::trim).filter(t -> !t.isEmpty()).distinct().sorted().toList())) {
            Instant now = clock.instant();
            conversation.tag(tags, now);
            timeline.record(conversation, TimelineKind.TAGGED, viewer.agentId(), null, Map.of("tags", conversation.tags()), now);
        }
        return loaded(conversation);
    }

    /** Resolves it in the routing service (releasing the agent's capacity and stopping the clocks), then here. */
    public Conversation resolve(Viewer viewer, UUID id) {
        Conversation before = live(viewer, id, "resolve");
        routing.resolve(before.conversationKey());
        return QuarkusTransaction.requiringNew().call(() -> {
            Conversation conversation = lockVisible(viewer, id);
            Instant now = clock.instant();
            conversation.resolve(now);
            timeline.record(conversation, TimelineKind.RESOLVED, viewer.agentId(), null, Map.of(), now);
            return loaded(conversation);
        });
    }

    /** Asks routing to move the conversation to an agent or a team; the assignment itself comes back as a routing event. */
    public void transfer(Viewer viewer, UUID id, String agentId, String teamId) {
        if ((agentId == null) == (teamId == null)) {
            throw new InvalidRequestException(agentId == null ? "agentId" : "teamId",
                    "name exactly one of agentId and teamId");
        }
        Conversation before = live(viewer, id, "transfer");
        if (agentId != null) {
            if (agentId.equals(before.assigneeAgentId())) {
                throw new ConflictException("conversation " + id + " is already assigned to " + agentId);
            }
            routing.transferToAgent(before.conversationKey(), agentId);
        } else {
            routing.transferToTeam(before.conversationKey(), teamId);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Conversation conversation = lockVisible(viewer, id);
            Instant now = clock.instant();
            conversation.transferRequested(agentId, teamId, now);
            Map<String, Object> data = new HashMap<>();
            if (agentId != null) {
                data.put("agentId", agentId);
            } else {
                data.put("teamId", teamId);
            }
            timeline.record(conversation, TimelineKind.TRANSFER_REQUESTED, viewer.agentId(), null, data, now);
        });
    }

    /**
     * The caller takes the conversation routing offered them. Routing assigns it; the assignment comes
     * back as a routing event ({@code assigned} on the timeline, an {@code assignment} live event).
     */
    public void acceptOffer(Viewer viewer, UUID id) {
        Conversation offered = offeredTo(viewer, id);
        routing.acceptOffer(offered.conversationKey(), viewer.agentId(), offered.routingWorkItemId());
        Log.infof("conversation %s: %s accepted the offer of work item %s", id, viewer.agentId(),
                offered.routingWorkItemId());
    }

    /** The caller declines the offer: routing queues the conversation for someone else, and it leaves their desk. */
    public void rejectOffer(Viewer viewer, UUID id) {
        Conversation offered = offeredTo(viewer, id);
        routing.rejectOffer(offered.conversationKey(), viewer.agentId(), offered.routingWorkItemId());
        QuarkusTransaction.requiringNew().run(() -> {
            Conversation conversation = conversations.findForUpdate(id)
                    .orElseThrow(() -> new ConversationNotFoundException(id.toString()));
            Instant now = clock.instant();
            if (conversation.offeredAgentId() != null && conversation.offeredAgentId().equals(viewer.agentId())) {
                conversation.offerEnded(now);
            }
            timeline.record(conversation, TimelineKind.OFFER_REJECTED, viewer.agentId(), null, Map.of(), now);
        });
        Log.infof("conversation %s: %s rejected the offer of work item %s", id, viewer.agentId(),
                offered.routingWorkItemId());
    }

    /** Escalates to a supervisor through routing, with the agent's reason. */
    public void escalate(Viewer viewer, UUID id, String reason) {
        Conversation before = live(viewer, id, "escalate");
        routing.escalate(before.conversationKey(), reason);
        QuarkusTransaction.requiringNew().run(() -> {
            Conversation conversation = lockVisible(viewer, id);
            Instant now = clock.instant();
            conversation.escalated(now);
            timeline.record(conversation, TimelineKind.ESCALATED, viewer.agentId(), reason, Map.of(), now);
        });
    }

    public Conversation prioritize(Viewer viewer, UUID id, Priority priority) {
        Conversation before = live(viewer, id, "change the priority of");
        routing.prioritize(before.conversationKey(), priority.wireName());
        return QuarkusTransaction.requiringNew().call(() -> {
            Conversation conversation = lockVisible(viewer, id);
            Priority previous = conversation.priority();
            if (previous != priority) {
                Instant now = clock.instant();
                conversation.prioritize(priority, now);
                timeline.record(conversation, TimelineKind.PRIORITY_CHANGED, viewer.agentId(), null,
                        Map.of("from", previous.wireName(), "to", priority.wireName()), now);
            }
            return loaded(conversation);
        });
    }

    // ------------------------------------------------------------------------------------------------

    private Conversation lockVisible(Viewer viewer, UUID id) {
        return conversations.findForUpdate(id).filter(viewer::sees)
                .orElseThrow(() -> new ConversationNotFoundException(id.toString()));
    }

    /** The conversation before a routing command: visible, and not resolved. */
    private Conversation live(Viewer viewer, UUID id, String action) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Conversation conversation = conversations.findByIdOptional(id).filter(viewer::sees)
                    .orElseThrow(() -> new ConversationNotFoundException(id.toString()));
            if (!conversation.status().isLive()) {
                throw new InvalidTransitionException("conversation " + id + " is resolved: reopen it before you "
                        + action + " it");
            }
            return conversation;
        });
    }

    /** The conversation before an accept or reject: visible, live, and offered to the caller. */
    private Conversation offeredTo(Viewer viewer, UUID id) {
        Conversation conversation = live(viewer, id, "accept or reject an offer of");
        if (!viewer.agentId().equals(conversation.offeredAgentId())) {
            throw new ConflictException("conversation " + id + " is not offered to " + viewer.agentId()
                    + (conversation.offeredAgentId() == null ? "" : " (it is offered to someone else)")
                    + "; the offer may have expired or been taken");
        }
        return conversation;
    }

    private static Conversation loaded(Conversation conversation) {
        Hibernate.initialize(conversation.customer());
        return conversation;
    }

    private Optional<Message> lastInbound(Conversation conversation) {
        return messages.find("conversationId = ?1 and direction = ?2 order by receivedAt desc, seq desc",
                conversation.id(), MessageDirection.INBOUND).firstResultOptional();
    }

    /** Where a reply goes: channel, provider, inbox and recipient. */
    private record Target(Channel channel, String provider, String inbox, String to) {
    }

    /**
     * The conversation's own channel answers from its inbox; a phone conversation is answered by SMS;
     * another channel of the same customer is answered from the inbox and provider they last used there.
     */
    private Target target(Conversation conversation, Channel requested) {
        Channel channel = requested == Channel.PHONE ? Channel.SMS : requested;
        UUID customer = conversation.customer().id();
        if (channel == conversation.channel()) {
            if (conversation.provider() == null) {
                throw new ConflictException("no customer message has reached conversation " + conversation.id()
                        + " yet, so the provider to answer through is unknown");
            }
            return new Target(channel, conversation.provider(), conversation.inbox(), conversation.customerHandle());
        }
        Optional<IdentityRepository.ChannelUse> use = identities.lastUse(customer, channel, Identities.kindsServing(channel));
        if (use.isPresent()) {
            return new Target(channel, use.get().provider(), use.get().inbox(), use.get().handle());
        }
        if (channel == Channel.SMS && conversation.channel() == Channel.PHONE && conversation.provider() != null) {
            // the number the customer called from, texted from the number they called
            return new Target(Channel.SMS, conversation.provider(), conversation.inbox(), conversation.customerHandle());
        }
        throw new ConflictException("the customer has no identity that wrote to us on " + channel.wireName()
                + ": link one, or answer on " + conversation.channel().wireName());
    }
}
