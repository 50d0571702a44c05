package io.omnichannel.gateway.routing.service;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.routing.domain.Agent;
import io.omnichannel.gateway.routing.domain.Presence;
import io.omnichannel.gateway.routing.repository.AgentRepository;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Registers agents and changes their presence; an agent coming online or getting more room triggers assignment. */
@ApplicationScoped
public class AgentService {

    /** The result of a registration: the agent and whether it was new. */
    public record Registration(Agent agent, boolean created) {
    }

    private final AgentRepository agents;
    private final Event<Dispatcher.WorkChanged> workChanged;
    private final Clock clock = Clock.systemUTC();

    AgentService(AgentRepository agents, Event<Dispatcher.WorkChanged> workChanged) {
        this.agents = agents;
        this.workChanged = workChanged;
    }

    /** Creates or replaces the agent's name, capacities and skills; presence is kept. */
    @Transactional
    public Registration register(String id, String name, Map<Channel, Integer> capacities, List<String> skills) {
        Instant now = clock.instant();
        Optional<Agent> existing = agents.findByIdOptional(id);
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
        agent.updatedAt = now;
        if (existing.isEmpty()) {
            agents.persist(agent);
        }
        workChanged.fire(new Dispatcher.WorkChanged());
        Log.infof("agent %s registered with capacities %s", id, capacities);
        return new Registration(agent, existing.isEmpty());
    }

    @Transactional
    public Agent changePresence(String id, Presence presence) {
        Agent agent = get(id);
        if (agent.presence != presence) {
            agent.presence = presence;
            agent.presenceChangedAt = clock.instant();
            agent.updatedAt = agent.presenceChangedAt;
            Log.infof("agent %s is now %s", id, presence);
        }
        if (presence == Presence.ONLINE) {
            workChanged.fire(new Dispatcher.WorkChanged());
        }
        return agent;
    }

    @Transactional
    public Agent get(String id) {
        return agents.findByIdOptional(id).orElseThrow(() -> new UnknownAgentException(id));
    }
}
