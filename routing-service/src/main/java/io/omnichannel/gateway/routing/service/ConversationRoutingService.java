package io.omnichannel.gateway.routing.service;

import io.omnichannel.gateway.contract.OutboundMessage;
import io.omnichannel.gateway.contract.RoutingEventType;
import io.omnichannel.gateway.routing.domain.Agent;
import io.omnichannel.gateway.routing.domain.CustomerAffinity;
import io.omnichannel.gateway.routing.domain.Priority;
import io.omnichannel.gateway.routing.domain.Tags;
import io.omnichannel.gateway.routing.domain.Team;
import io.omnichannel.gateway.routing.domain.WorkItem;
import io.omnichannel.gateway.routing.domain.WorkItemStatus;
import io.omnichannel.gateway.routing.repository.AgentRepository;
import io.omnichannel.gateway.routing.repository.ProcessedEvents;
import io.omnichannel.gateway.routing.repository.WorkItemRepository;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What happens to a conversation after it was queued: the agent answers (the clock stops), it is
 * resolved (capacity freed), transferred to an agent or a team, escalated to a supervisor, or its
 * priority changes. Addressed by conversation key, as the conversation service and supervisors know it.
 */
@ApplicationScoped
public class ConversationRoutingService {

    /** Agents with this skill take escalated conversations. */
    public static final String SUPERVISOR_SKILL = "supervisor";

    private final WorkItemRepository workItems;
    private final AgentRepository agents;
    private final AssignmentService assignments;
    private final OfferService offers;
    private final PolicyService policies;
    private final RoutingEventOutbox events;
    private final ProcessedEvents processedEvents;
    private final EntityManager entityManager;
    private final Event<Dispatcher.WorkChanged> workChanged;
    private final Clock clock = Clock.systemUTC();

    ConversationRoutingService(WorkItemRepository workItems, AgentRepository agents, AssignmentService assignments,
            OfferService offers, PolicyService policies, RoutingEventOutbox events, ProcessedEvents processedEvents,
            EntityManager entityManager, Event<Dispatcher.WorkChanged> workChanged) {
        this.workItems = workItems;
        this.agents = agents;
        this.assignments = assignments;
        this.offers = offers;
        this.policies = policies;
        this.events = events;
        this.processedEvents = processedEvents;
        this.entityManager = entityManager;
        this.workChanged = workChanged;
    }

    /** An agent's reply went out: the running clock stops, the response is logged, the customer remembers the agent. */
    @Transactional
    public void replied(String eventId, OutboundMessage reply) {
        if (!processedEvents.markProcessed(eventId)) {
            return;
        }
        WorkItem item = workItems.lockActive(reply.conversationKey()).orElse(null);
        if (item == null || !item.awaitingResponse) {
            return;
        }
        Instant now = clock.instant();
        item.awaitingResponse = false;
        if (item.firstResponseAt == null) {
            item.firstResponseAt = now;
        }
        entityManager.createNativeQuery("""
                INSERT INTO response_log (work_item_id, channel, inbox, agent_id, due_at, responded_at)
                VALUES (:item, :channel, :inbox, :agent, :due, :at)
                """)
                .setParameter("item", item.id).setParameter("channel", item.channel.name())
                .setParameter("inbox", item.inbox).setParameter("agent", reply.agentId())
                .setParameter("due", item.dueAt).setParameter("at", now)
                .executeUpdate();
        remember(item.conversationKey, reply.agentId() != null ? reply.agentId() : item.assignedAgentId, now);
        Log.infof("%s answered by %s; clock stopped (%s)", item.conversationKey, reply.agentId(),
                now.isAfter(item.dueAt) ? "late" : "in time");
    }

    @Transactional
    public void resolve(String conversationKey) {
        WorkItem item = active(conversationKey);
        Instant now = clock.instant();
        String agent = item.assignedAgentId;
        item.resolve(now);
        events.record(RoutingEventType.RELEASED, item, now);
        if (agent != null) {
            remember(conversationKey, agent, now);
        }
        workChanged.fire(new Dispatcher.WorkChanged(agent));
        Log.infof("%s resolved; agent %s released", conversationKey, agent);
    }

    /**
     * To an agent: assigned to them now if they are ONLINE with room on the channel ({@code force}:
     * a supervisor taking it, room or not). To a team: back in the queue for that team.
     */
    @Transactional
    public WorkItem transfer(String conversationKey, String agentId, String teamId, boolean force) {
        if ((agentId == null) == (teamId == null)) {
            throw new InvalidRequestException("agentId", "give either agentId or teamId");
        }
        WorkItem item = active(conversationKey);
        Instant now = clock.instant();
        if (teamId != null) {
            if (entityManager.find(Team.class, teamId) == null) {
                throw new NotFoundException("no team '" + teamId + "'");
            }
            item.teamId = teamId;
            item.preferredAgent = null;
            offers.returnToQueue(item, null, "transferred to team " + teamId + " from");
            return item;
        }
        Agent agent = agents.lock(agentId).orElseThrow(() -> new UnknownAgentException(agentId));
        if (!force && !assignments.hasRoomFor(agent, item.channel)) {
            throw new ConflictException("agent " + agentId + " is " + agent.presence.name().toLowerCase()
                    + " or has no free " + item.channel.wireName() + " slot; transfer to a team, or take it as a supervisor (force)");
        }
        String previousHolder = item.assignedAgentId;
        item.assignTo(agent.id, now);
        agent.lastAssignedAt = now;
        events.record(RoutingEventType.ASSIGNED, item, now);
        workChanged.fire(new Dispatcher.WorkChanged(previousHolder));
        workChanged.fire(new Dispatcher.WorkChanged(agent.id));
        Log.infof("%s transferred to agent %s", conversationKey, agentId);
        return item;
    }

    /**
     * An agent reopens a resolved conversation: its latest work is theirs again and counts against
     * their capacity (refused without a free slot, like any assignment); no clock runs until the customer writes (that starts a next-response target).
     * Refused while the conversation has live work (the customer wrote again and it is queued or held).
     */
    @Transactional
    public WorkItem reopen(String conversationKey, String agentId) {
        if (agentId == null || agentId.isBlank()) {
            throw new InvalidRequestException("agentId", "agentId is required: the agent who reopens the conversation");
        }
        if (workItems.lockActive(conversationKey).isPresent()) {
            throw new ConflictException("conversation '" + conversationKey + "' is not resolved: it has waiting or assigned work");
        }
        WorkItem item = workItems.lockLatestResolved(conversationKey).orElseThrow(() ->
                new NotFoundException("no resolved conversation with key '" + conversationKey + "'"));
        Agent agent = agents.lock(agentId).orElseThrow(() -> new UnknownAgentException(agentId));
        if (!assignments.hasRoomFor(agent, item.channel)) {
            throw new ConflictException("agent " + agentId + " is " + agent.presence.name().toLowerCase() + " or has no free "
                    + item.channel.wireName() + " slot to take the conversation back");
        }
        Instant now = clock.instant();
        item.reopenFor(agent.id, now);
        agent.lastAssignedAt = now;
        events.record(RoutingEventType.ASSIGNED, item, now);
        workChanged.fire(new Dispatcher.WorkChanged(agent.id));
        Log.infof("%s reopened by agent %s", conversationKey, agentId);
        return item;
    }

    /** To a supervisor: urgent, needs the supervisor skill, back in the queue unless a supervisor holds it already. */
    @Transactional
    public WorkItem escalate(String conversationKey, String reason) {
        WorkItem item = active(conversationKey);
        Set<String> required = new LinkedHashSet<>(Tags.parse(item.requiredSkills));
        required.add(SUPERVISOR_SKILL);
        item.requiredSkills = Tags.format(required);
        item.priority = Priority.URGENT;
        item.escalated = true;
        item.preferredAgent = null;
        policies.recomputeDeadlines(item);
        Agent holder = item.assignedAgentId == null ? null : agents.findById(item.assignedAgentId);
        if (holder == null || !holder.skills().contains(SUPERVISOR_SKILL)) {
            offers.returnToQueue(item, null, "escalated (" + reason + ") from");
        }
        return item;
    }

    @Transactional
    public WorkItem changePriority(String conversationKey, Priority priority) {
        WorkItem item = active(conversationKey);
        item.priority = priority;
        if (item.awaitingResponse) {
            policies.recomputeDeadlines(item);
            events.record(RoutingEventType.QUEUED, item, clock.instant());
            if (item.status == WorkItemStatus.WAITING) {
                workChanged.fire(Dispatcher.WorkChanged.waitingWork());
            }
        }
        return item;
    }

    private WorkItem active(String conversationKey) {
        return workItems.lockActive(conversationKey).orElseThrow(() ->
                new NotFoundException("no waiting or assigned conversation with key '" + conversationKey + "'"));
    }

    private void remember(String conversationKey, String agentId, Instant at) {
        if (agentId == null) {
            return;
        }
        CustomerAffinity affinity = entityManager.find(CustomerAffinity.class, conversationKey);
        if (affinity == null) {
            affinity = new CustomerAffinity();
            affinity.conversationKey = conversationKey;
            affinity.agentId = agentId;
            affinity.servedAt = at;
            entityManager.persist(affinity);
        }
        affinity.agentId = agentId;
        affinity.servedAt = at;
    }
}
