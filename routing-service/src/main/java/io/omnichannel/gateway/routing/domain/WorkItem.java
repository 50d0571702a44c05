package io.omnichannel.gateway.routing.domain;

import io.omnichannel.gateway.contract.Channel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A conversation waiting for, offered to, or held by an agent. Its response clock runs while a
 * customer message waits for an agent's answer: due at the clock's start + the response target.
 */
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

    @Enumerated(EnumType.STRING)
    public Priority priority = Priority.NORMAL;

    @Column(name = "arrived_at")
    public Instant arrivedAt;

    @Column(name = "clock_started_at")
    public Instant clockStartedAt;

    @Column(name = "warn_at")
    public Instant warnAt;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "awaiting_response")
    public boolean awaitingResponse = true;

    @Enumerated(EnumType.STRING)
    @Column(name = "sla_state")
    public SlaState slaState = SlaState.OK;

    @Column(name = "required_skills")
    public String requiredSkills = "";

    @Column(name = "optional_skills")
    public String optionalSkills = "";

    @Column(name = "team_id")
    public String teamId;

    /** Agents who rejected or let an offer of this item expire; they are not offered it again. */
    @Column(name = "excluded_agents")
    public String excludedAgents = "";

    @Column(name = "preferred_agent")
    public String preferredAgent;

    @Column(name = "prefer_until")
    public Instant preferUntil;

    public boolean escalated;

    @Column(name = "assigned_agent_id")
    public String assignedAgentId;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    @Column(name = "offer_expires_at")
    public Instant offerExpiresAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "first_response_at")
    public Instant firstResponseAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Version
    public long version;

    public boolean isHeld() {
        return status == WorkItemStatus.OFFERED || status == WorkItemStatus.ASSIGNED;
    }

    public void offerTo(String agentId, Instant now, Instant expiresAt) {
        status = WorkItemStatus.OFFERED;
        assignedAgentId = agentId;
        assignedAt = now;
        offerExpiresAt = expiresAt;
    }

    public void assignTo(String agentId, Instant now) {
        status = WorkItemStatus.ASSIGNED;
        assignedAgentId = agentId;
        assignedAt = now;
        acceptedAt = now;
        offerExpiresAt = null;
    }

    public void accept(Instant now) {
        status = WorkItemStatus.ASSIGNED;
        acceptedAt = now;
        offerExpiresAt = null;
    }

    /** Back to the queue, keeping its due time; {@code excluded} (if any) is not offered it again. */
    public void requeue(String excluded) {
        if (excluded != null) {
            Set<String> agents = new LinkedHashSet<>(Tags.parse(excludedAgents));
            agents.add(excluded);
            excludedAgents = Tags.formatIds(agents);
        }
        status = WorkItemStatus.WAITING;
        assignedAgentId = null;
        assignedAt = null;
        acceptedAt = null;
        offerExpiresAt = null;
    }

    /** A resolved conversation taken back by an agent: held again, no response owed until the customer writes. */
    public void reopenFor(String agentId, Instant now) {
        assignTo(agentId, now);
        resolvedAt = null;
        awaitingResponse = false;
    }

    public void resolve(Instant now) {
        status = WorkItemStatus.RESOLVED;
        resolvedAt = now;
        awaitingResponse = false;
        offerExpiresAt = null;
    }
}
