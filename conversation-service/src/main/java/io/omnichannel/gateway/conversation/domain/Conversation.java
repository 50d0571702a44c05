package io.omnichannel.gateway.conversation.domain;

import io.omnichannel.gateway.contract.Channel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer's exchange with us on one channel and inbox, from their first message until it is
 * resolved. Routing decides who serves it and by when ({@link #assigneeAgentId()}, {@link #dueAt()}).
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

    @Column(nullable = false)
    private Channel channel;

    @Column(nullable = false)
    private String inbox;

    @Column(nullable = false)
    private ConversationStatus status;

    @Column(name = "assignee_agent_id")
    private String assigneeAgentId;

    @Column(name = "routing_work_item_id")
    private String routingWorkItemId;

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "last_message_at")
    private Instant lastMessageAt;

    protected Conversation() {
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

    public Channel channel() {
        return channel;
    }

    public String inbox() {
        return inbox;
    }

    public ConversationStatus status() {
        return status;
    }

    public String assigneeAgentId() {
        return assigneeAgentId;
    }

    public String routingWorkItemId() {
        return routingWorkItemId;
    }

    public Instant dueAt() {
        return dueAt;
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

    /** A customer message arrived; messages may come in out of order, the latest arrival time wins. */
    public void messageReceived(Instant receivedAt, Instant now) {
        if (lastMessageAt == null || receivedAt.isAfter(lastMessageAt)) {
            lastMessageAt = receivedAt;
        }
        updatedAt = now;
    }

    /** Waiting in the routing queue for an agent, to be answered by {@code due} (when known). */
    public void queued(String workItemId, Instant due, Instant now) {
        routingWorkItemId = workItemId;
        dueWithin(due, now);
    }

    /** Routing handed the conversation to {@code agentId}. */
    public void assignedTo(String agentId, String workItemId, Instant due, Instant now) {
        assigneeAgentId = agentId;
        routingWorkItemId = workItemId;
        dueWithin(due, now);
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
}
