package io.omnichannel.gateway.conversation.domain;

import io.omnichannel.gateway.contract.Channel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A customer's exchange with us on one channel and inbox, from their first message until it is
 * resolved. Routing decides who serves it and by when ({@link #assigneeAgentId()}, {@link #dueAt()});
 * agents move it between open, pending, snoozed and resolved. Every state change is a method here.
 */
@Entity
@Table(name = "conversation")
public class Conversation {

    @Id
    private UUID id;

    @Column(name = "conversation_key", nullable = false)
    private String conversationKey;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id", nullable = false)
    private Customer customer;

    @Column(name = "identity_id", nullable = false)
    private UUID identityId;

    @Column(name = "customer_handle", nullable = false)
    private String customerHandle;

    @Column(nullable = false)
    private Channel channel;

    @Column(nullable = false)
    private String inbox;

    private String provider;

    @Column(nullable = false)
    private ConversationStatus status;

    @Column(nullable = false)
    private Priority priority;

    @Column(name = "assignee_agent_id")
    private String assigneeAgentId;

    @Column(name = "team_id")
    private String teamId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private String[] tags;

    @Column(name = "routing_work_item_id")
    private String routingWorkItemId;

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(name = "sla_state")
    private SlaState slaState;

    @Column(name = "snoozed_until")
    private Instant snoozedUntil;

    @Column(name = "first_response_at")
    private Instant firstResponseAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "escalated_at")
    private Instant escalatedAt;

    @Column(name = "transfer_requested_to")
    private String transferRequestedTo;

    @Column(name = "offered_agent_id")
    private String offeredAgentId;

    @Column(name = "offered_at")
    private Instant offeredAt;

    @Column(name = "satisfaction_score")
    private Short satisfactionScore;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "last_message_at")
    private Instant lastMessageAt;

    protected Conversation() {
    }

    /** A new open conversation of {@code key} with {@code customer}, reached through {@code identity}. */
    public static Conversation open(io.omnichannel.gateway.contract.ConversationKey key, Customer customer,
            CustomerIdentity identity, String teamId, Instant now) {
        Conversation c = new Conversation();
        c.id = UUID.randomUUID();
        c.conversationKey = key.toString();
        c.customer = customer;
        c.identityId = identity.id();
        c.customerHandle = key.customerHandle();
        c.channel = key.channel();
        c.inbox = key.inbox();
        c.status = ConversationStatus.OPEN;
        c.priority = Priority.NORMAL;
        c.teamId = teamId;
        c.tags = new String[0];
        c.createdAt = now;
        c.updatedAt = now;
        return c;
    }

    public UUID id() {
        return id;
    }

    public String conversationKey() {
        return conversationKey;
    }

    public Customer customer() {
        return customer;
    }

    public UUID identityId() {
        return identityId;
    }

    public String customerHandle() {
        return customerHandle;
    }

    public Channel channel() {
        return channel;
    }

    public String inbox() {
        return inbox;
    }

    public String provider() {
        return provider;
    }

    public ConversationStatus status() {
        return status;
    }

    public Priority priority() {
        return priority;
    }

    public String assigneeAgentId() {
        return assigneeAgentId;
    }

    public String teamId() {
        return teamId;
    }

    public List<String> tags() {
        return tags == null ? List.of() : List.of(tags);
    }

    public String routingWorkItemId() {
        return routingWorkItemId;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public SlaState slaState() {
        return slaState;
    }

    public Instant snoozedUntil() {
        return snoozedUntil;
    }

    public Instant firstResponseAt() {
        return firstResponseAt;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public Instant escalatedAt() {
        return escalatedAt;
    }

    public String transferRequestedTo() {
        return transferRequestedTo;
    }

    /** The agent routing offered the conversation to, while the offer stands (not yet accepted, rejected or expired). */
    public String offeredAgentId() {
        return offeredAgentId;
    }

    public Instant offeredAt() {
        return offeredAt;
    }

    public Integer satisfactionScore() {
        return satisfactionScore == null ? null : satisfactionScore.intValue();
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant lastMessageAt() {
        return lastMessageAt;
    }

    /** Time from the conversation's start to the first agent reply, once there is one. */
    public Duration firstResponseTime() {
        return firstResponseAt == null ? null : Duration.between(createdAt, firstResponseAt);
    }

    public Duration resolutionTime() {
        return resolvedAt == null ? null : Duration.between(createdAt, resolvedAt);
    }

    /** Whether {@code agentId} may see it as a member of {@code teams}, as its assignee or as the agent it is offered to. */
    public boolean isVisibleTo(String agentId, java.util.Set<String> teams) {
        return agentId.equals(assigneeAgentId) || agentId.equals(offeredAgentId)
                || (teamId != null && teams.contains(teamId));
    }

    // ------------------------------------------------------------------------------------------------
    // The customer's side
    // ------------------------------------------------------------------------------------------------

    /**
     * A customer message arrived (messages may come in out of order: the latest arrival time wins). A
     * pending or snoozed conversation needs an agent again.
     *
     * @return whether it woke up from pending or snoozed
     */
    public boolean messageReceived(Instant receivedAt, String fromProvider, Instant now) {
        if (lastMessageAt == null || receivedAt.isAfter(lastMessageAt)) {
            lastMessageAt = receivedAt;
        }
        if (fromProvider != null) {
            provider = fromProvider;
        }
        updatedAt = now;
        if (status == ConversationStatus.PENDING || status == ConversationStatus.SNOOZED) {
            status = ConversationStatus.OPEN;
            snoozedUntil = null;
            return true;
        }
        return false;
    }

    /** The customer wrote again soon after it was resolved: the same conversation goes on. */
    public void reopenedByCustomer(Instant now) {
        status = ConversationStatus.OPEN;
        resolvedAt = null;
        updatedAt = now;
    }

    public void satisfaction(int score, Instant now) {
        satisfactionScore = (short) score;
        updatedAt = now;
    }

    // ------------------------------------------------------------------------------------------------
    // Routing's decisions
    // ------------------------------------------------------------------------------------------------

    /** Waiting in the routing queue for an agent, to be answered by {@code due} (when known). */
    public void queued(String workItemId, Instant due, Instant now) {
        routingWorkItemId = workItemId;
        if (due != null) {
            slaState = SlaState.OK;
        }
        dueWithin(due, now);
    }

    /** Routing offered the conversation to {@code agentId}, who accepts or rejects it (a new offer replaces an older one). */
    public void offeredTo(String agentId, String workItemId, Instant due, Instant now) {
        offeredAgentId = agentId;
        offeredAt = now;
        routingWorkItemId = workItemId;
        if (due != null && slaState == null) {
            slaState = SlaState.OK;
        }
        dueWithin(due, now);
    }

    /**
     * The offer ended: accepted (the assignment follows), rejected, expired or taken back by routing.
     *
     * @return the agent it had been offered to, if it was offered
     */
    public java.util.Optional<String> offerEnded(Instant now) {
        String offered = offeredAgentId;
        if (offered == null) {
            return java.util.Optional.empty();
        }
        offeredAgentId = null;
        offeredAt = null;
        updatedAt = now;
        return java.util.Optional.of(offered);
    }

    /** Routing handed the conversation to {@code agentId}, who belongs to {@code agentTeam} when known. */
    public Assignment assignedTo(String agentId, String agentTeam, String workItemId, Instant due, Instant now) {
        String previous = assigneeAgentId;
        boolean requested = agentId.equals(transferRequestedTo);
        assigneeAgentId = agentId;
        routingWorkItemId = workItemId;
        if (requested) {
            transferRequestedTo = null;
        }
        if (teamId == null && agentTeam != null) {
            teamId = agentTeam;
        }
        if (due != null && (slaState == null || slaState == SlaState.MET)) {
            slaState = SlaState.OK;
        }
        dueWithin(due, now);
        if (agentId.equals(previous)) {
            return Assignment.UNCHANGED;
        }
        return previous != null || requested ? Assignment.TRANSFERRED : Assignment.ASSIGNED;
    }

    /**
     * The agent gave the conversation back. A release by an agent other than the current assignee
     * is stale (the conversation moved on since) and changes nothing.
     *
     * @return whether the assignee was cleared
     */
    public boolean releasedBy(String agentId, Instant now) {
        if (agentId != null && !agentId.equals(assigneeAgentId)) {
            return false;
        }
        assigneeAgentId = null;
        updatedAt = now;
        return true;
    }

    /** Records a new response deadline; an event without one keeps the current deadline. */
    public void dueWithin(Instant due, Instant now) {
        if (due != null) {
            dueAt = due;
        }
        updatedAt = now;
    }

    /** @return whether the state changed (a repeated warning, or one after the breach, changes nothing) */
    public boolean slaWarning(Instant now) {
        if (slaState == SlaState.WARNING || slaState == SlaState.BREACHED || slaState == SlaState.MET) {
            return false;
        }
        slaState = SlaState.WARNING;
        updatedAt = now;
        return true;
    }

    /** @return whether the state changed */
    public boolean slaBreached(Instant now) {
        if (slaState == SlaState.BREACHED || slaState == SlaState.MET) {
            return false;
        }
        slaState = SlaState.BREACHED;
        updatedAt = now;
        return true;
    }

    // ------------------------------------------------------------------------------------------------
    // Agents' actions
    // ------------------------------------------------------------------------------------------------

    /** An agent replied: the target is met (unless already breached) and the customer has the turn. */
    public void replied(Instant now) {
        requireLive("reply to");
        if (firstResponseAt == null) {
            firstResponseAt = now;
        }
        if (slaState == SlaState.OK || slaState == SlaState.WARNING) {
            slaState = SlaState.MET;
        }
        if (status == ConversationStatus.OPEN) {
            status = ConversationStatus.PENDING;
        }
        updatedAt = now;
    }

    public void noted(Instant now) {
        updatedAt = now;
    }

    public void snooze(Instant until, Instant now) {
        requireLive("snooze");
        if (!until.isAfter(now)) {
            throw new IllegalArgumentException("'until' must be in the future, got " + until);
        }
        status = ConversationStatus.SNOOZED;
        snoozedUntil = until;
        updatedAt = now;
    }

    /** The snooze time has come: an agent has to look at it again. */
    public boolean wakeUp(Instant now) {
        if (status != ConversationStatus.SNOOZED) {
            return false;
        }
        status = ConversationStatus.OPEN;
        snoozedUntil = null;
        updatedAt = now;
        return true;
    }

    public void resolve(Instant now) {
        requireLive("resolve");
        status = ConversationStatus.RESOLVED;
        snoozedUntil = null;
        resolvedAt = now;
        transferRequestedTo = null;
        updatedAt = now;
    }

    public void reopen(Instant now) {
        if (status != ConversationStatus.RESOLVED) {
            throw new InvalidTransitionException("conversation " + id + " is " + status.wireName()
                    + ", not resolved: only a resolved conversation can be reopened");
        }
        status = ConversationStatus.OPEN;
        resolvedAt = null;
        updatedAt = now;
    }

    public void transferRequested(String agentId, String team, Instant now) {
        requireLive("transfer");
        if (agentId != null) {
            transferRequestedTo = agentId;
        }
        if (team != null) {
            teamId = team;
        }
        updatedAt = now;
    }

    public void escalated(Instant now) {
        requireLive("escalate");
        escalatedAt = now;
        updatedAt = now;
    }

    public void prioritize(Priority newPriority, Instant now) {
        requireLive("change the priority of");
        priority = newPriority;
        updatedAt = now;
    }

    public void tag(List<String> newTags, Instant now) {
        tags = newTags.stream().map(String::trim).filter(t -> !t.isEmpty()).distinct().sorted().toArray(String[]::new);
        updatedAt = now;
    }

    public boolean hasTags(List<String> other) {
        return Arrays.equals(tags, other.toArray(String[]::new));
    }

    /** The identity behind it now belongs to {@code newCustomer} (agents linked or unlinked it). */
    public void belongsTo(Customer newCustomer) {
        customer = newCustomer;
    }

    private void requireLive(String action) {
        if (status == ConversationStatus.RESOLVED) {
            throw new InvalidTransitionException("conversation " + id + " is resolved: reopen it before you "
                    + action + " it");
        }
    }
}
