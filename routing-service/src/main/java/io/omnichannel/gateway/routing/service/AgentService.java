package io.omnichannel.gateway.routing.service;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.routing.config.RoutingConfig;
import io.omnichannel.gateway.routing.domain.Agent;
import io.omnichannel.gateway.routing.domain.Presence;
import io.omnichannel.gateway.routing.domain.Team;
import io.omnichannel.gateway.routing.domain.WorkItem;
import io.omnichannel.gateway.routing.domain.WorkItemStatus;
import io.omnichannel.gateway.routing.repository.AgentRepository;
import io.omnichannel.gateway.routing.repository.WorkItemRepository;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Agents and their presence. Coming online (or getting more room) triggers assignment; going AWAY or
 * OFFLINE returns the agent's open offers to the queue at once and, when configured, the
 * conversations they hold but never answered, so no customer waits on an absent agent.
 */
@ApplicationScoped
public class AgentService {

    /** The result of a registration: the agent and whether it was new. */
    public record Registration(Agent agent, boolean created) {
    }

    private final AgentRepository agents;
    private final WorkItemRepository workItems;
    private final OfferService offers;
    private final RoutingConfig config;
    private final EntityManager entityManager;
    private final Event<Dispatcher.AgentChanged> agentChanged;
    private final Clock clock = Clock.systemUTC();

    AgentService(AgentRepository agents, WorkItemRepository workItems, OfferService offers, RoutingConfig config,
            EntityManager entityManager, Event<Dispatcher.AgentChanged> agentChanged) {
        this.agents = agents;
        this.workItems = workItems;
        this.offers = offers;
        this.config = config;
        this.entityManager = entityManager;
        this.agentChanged = agentChanged;
    }

    /** Creates or replaces the agent's name, capacities, skills and teams; presence is kept. */
    @Transactional
    public Registration register(String id, String name, Map<Channel, Integer> capacities, Collection<String> skills,
            Collection<String> teams) {
        for (String team : teams) {
            if (entityManager.find(Team.class, team) == null) {
                throw new InvalidRequestException("teams", "no team '" + team + "'; create it with PUT /api/v1/teams/" + team);
            }
        }
        Instant now = clock.instant();
        Optional<Agent> existing = agents.lock(id);
        Agent agent = existing.orElseGet(() -> {
            Agent created = new Agent();
            created.id = id;
            created.createdAt = now;
            created.presenceChangedAt = now;
            return created;
        });
        agent.name = name;
        agent.capacities.clear();
        agent.capacities.putAll(capacities);
        agent.setSkills(skills);
        agent.setTeams(teams);
        agent.updatedAt = now;
        if (existing.isEmpty()) {
            agents.persist(agent);
        }
        agentChanged.fire(new Dispatcher.AgentChanged(id));
        Log.infof("agent %s registered with capacities %s, skills %s, teams %s", id, capacities, skills, teams);
        return new Registration(agent, existing.isEmpty());
    }

    @Transactional
    public Agent changePresence(String id, Presence presence) {
        Agent agent = agents.lock(id).orElseThrow(() -> new UnknownAgentException(id));
        if (agent.presence == presence) {
            return agent;
        }
        agent.presence = presence;
        agent.presenceChangedAt = clock.instant();
        agent.updatedAt = agent.presenceChangedAt;
        Log.infof("agent %s is now %s", id, presence);
        agentChanged.fire(new Dispatcher.AgentChanged(id));
        if (presence != Presence.ONLINE) {
            returnWorkOf(agent, config.returnUnansweredOnAway());
        }
        return agent;
    }

    /** Removes the agent; what they held goes back to the queue. */
    @Transactional
    public void delete(String id) {
        Agent agent = agents.lock(id).orElseThrow(() -> new UnknownAgentException(id));
        returnWorkOf(agent, true);
        for (WorkItem item : workItems.list("assignedAgentId", agent.id)) {
            item.assignedAgentId = null;
        }
        agents.delete(agent);
        agentChanged.fire(new Dispatcher.AgentChanged(id));
        Log.infof("agent %s deleted", id);
    }

    @Transactional
    public Agent get(String id) {
        return agents.findByIdOptional(id).orElseThrow(() -> new UnknownAgentException(id));
    }

    @Transactional
    public List<Agent> list() {
        return agents.all();
    }

    private void returnWorkOf(Agent agent, boolean alsoUnanswered) {
        for (WorkItem offered : workItems.lockHeldBy(agent.id, WorkItemStatus.OFFERED)) {
            offers.returnToQueue(offered, agent.id, "agent went " + agent.presence.name().toLowerCase() + ":");
        }
        if (alsoUnanswered) {
            for (WorkItem held : workItems.lockHeldBy(agent.id, WorkItemStatus.ASSIGNED)) {
                if (held.firstResponseAt == null) {
                    offers.returnToQueue(held, null, "unanswered, agent went " + agent.presence.name().toLowerCase() + ":");
                }
            }
        }
    }
}
