package io.omnichannel.gateway.routing.domain;

import io.omnichannel.gateway.contract.Channel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A conversation waiting for, or held by, an agent. Due at arrival + its channel's response target. */
@Entity
@Table(name = "work_item")
public class WorkItem {

    @Id
    public UUID id;

    @Column(name = "conversation_key")
    public String conversationKey;

    /** The inbound message that put the conversation in the queue. */
    @Column(name = "message_id")
    public String messageId;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    public String inbox;

    @Enumerated(EnumType.STRING)
    public WorkItemStatus status;

    @Column(name = "arrived_at")
    public Instant arrivedAt;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "assigned_agent_id")
    public String assignedAgentId;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    public void assignTo(Agent agent, Instant now) {
        status = WorkItemStatus.ASSIGNED;
        assignedAgentId = agent.id;
        assignedAt = now;
        agent.lastAssignedAt = now;
    }
}
