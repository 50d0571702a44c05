package io.omnichannel.gateway.routing.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.RoutingEvent;
import io.omnichannel.gateway.contract.RoutingEventType;
import io.omnichannel.gateway.routing.config.RoutingConfig;
import io.omnichannel.gateway.routing.core.Decision;
import io.omnichannel.gateway.routing.core.DecisionCore;
import io.omnichannel.gateway.routing.core.WorkRequest;
import io.omnichannel.gateway.routing.domain.Agent;
import io.omnichannel.gateway.routing.domain.Presence;
import io.omnichannel.gateway.routing.domain.SlaState;
import io.omnichannel.gateway.routing.domain.Tags;
import io.omnichannel.gateway.routing.domain.Team;
import io.omnichannel.gateway.routing.repository.AgentRepository;
import io.omnichannel.gateway.routing.repository.WaitingWorkRepository;
import io.omnichannel.gateway.routing.repository.WaitingWorkRepository.Given;
import io.omnichannel.gateway.routing.repository.WaitingWorkRepository.Waiting;
import io.omnichannel.gateway.routing.repository.WorkItemRepository;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One assignment pass: the waiting items (locked, earliest due first) go into the {@link DecisionCore}
 * kept between passes ({@link StandingCore}) with the ONLINE agents ({@link OnlineAgents}) and their
 * loads ({@link AgentLoads}), which decides; the decisions are then committed together: each agent
 * decided on is locked once and their load read again under the lock, so capacity holds with any
 * number of instances. Asynchronous channels are assigned at once, the others are offered with a
 * timeout. Waiting work is read as values and given away in one statement per round, so a pass costs
 * a few statements, not a few per item.
 */
@ApplicationScoped
public class AssignmentService {

    /** Waiting items read (and locked) per channel at a time. */
    static final int PAGE = 200;

    private final WaitingWorkRepository waitingWork;
    private final WorkItemRepository workItems;
    private final AgentRepository agents;
    private final AgentLoads loads;
    private final OnlineAgents onlineAgents;
    private final StandingCore standingCore;
    private final RoutingEventOutbox events;
    private final RoutingConfig config;
    private final EntityManager entityManager;
    private final MeterRegistry metrics;
    private final Clock clock = Clock.systemUTC();

    AssignmentService(WaitingWorkRepository waitingWork, WorkItemRepository workItems, AgentRepository agents,
            AgentLoads loads, OnlineAgents onlineAgents, StandingCore standingCore, RoutingEventOutbox events,
            RoutingConfig config, EntityManager entityManager, MeterRegistry metrics) {
        this.waitingWork = waitingWork;
        this.workItems = workItems;
        this.agents = agents;
        this.loads = loads;
        this.onlineAgents = onlineAgents;
        this.standingCore = standingCore;
        this.events = events;
        this.config = config;
        this.entityManager = entityManager;
        this.metrics = metrics;
    }

    /**
     * Reads each channel's waiting work a page at a time in the router's order. After the first page
     * of every channel has been decided, a channel whose page was full and where an agent still has
     * a free slot gets its next page: work nobody can take (a skill nobody online has) never hides
     * later work that someone could take.
     *
     * @return how many items were offered or assigned
     */
    @Transactional
    public int assignWaiting() {
        Instant now = clock.instant();
        OnlineAgents.Taken online = onlineAgents.current();
        if (online.agents().isEmpty()) {
            return 0;
        }
        DecisionCore core = standingCore.forPass(online, loads.of(online.agents().keySet(), online.reread()));
        Map<String, Waiting> waiting = new HashMap<>();
        try {
            return decide(core, now, waiting);
        } finally {
            standingCore.endPass(waiting.keySet());
        }
    }

    /** Reads and decides rounds of waiting work until no channel with free slots has more to read. */
    private int decide(DecisionCore core, Instant now, Map<String, Waiting> waiting) {
        Map<String, Team> teams = new HashMap<>();
        Map<Channel, Waiting> lastRead = new EnumMap<>(Channel.class);
        Set<Channel> toRead = EnumSet.noneOf(Channel.class);
        for (Channel channel : Channel.values()) {
            if (core.hasFreeSlot(channel)) {
                toRead.add(channel);
            }
        }
        Map<String, Map<Channel, Integer>> countedUnderLock = new HashMap<>();
        int decided = 0;
        while (!toRead.isEmpty()) {
            for (Channel channel : List.copyOf(toRead)) {
                List<Waiting> page = waitingWork.lockNext(channel, lastRead.get(channel), PAGE);
                page.forEach(item -> {
                    waiting.put(item.id().toString(), item);
                    core.addWork(request(item, now, teams));
                });
                if (page.size() < PAGE) {
                    toRead.remove(channel);
                } else {
                    lastRead.put(channel, page.get(page.size() - 1));
                }
            }
            List<Decision> round = core.drain(now.toEpochMilli(), Integer.MAX_VALUE);
            decided += commit(round, waiting, countedUnderLock);
            toRead.removeIf(channel -> !core.hasFreeSlot(channel));
        }
        loads.whenCommitted(countedUnderLock);
        return decided;
    }

    /**
     * Re-checks a round of decisions under the agents' locks and applies those that still hold; a
     * decision whose agent another instance is assigning to, or who is no longer ONLINE or has no
     * room left, is left for the next pass.
     *
     * @param countedUnderLock receives what each locked agent holds after the round
     * @return how many were applied
     */
    private int commit(List<Decision> round, Map<String, Waiting> waiting, Map<String, Map<Channel, Integer>> countedUnderLock) {
        if (round.isEmpty()) {
            return 0;
        }
        List<String> decidedAgents = round.stream().map(Decision::agentId).distinct().toList();
        Map<String, Map<Channel, Integer>> capacities = agents.lockOnline(decidedAgents);
        Map<String, Map<Channel, Integer>> held = workItems.heldBy(capacities.keySet());
        // another instance is assigning to the agents not locked: what they hold is counted again next pass
        decidedAgents.stream().filter(id -> !capacities.containsKey(id)).forEach(loads::changed);
        // taken under the locks, so an agent's events are in the order their changes were made
        Instant now = clock.instant();
        List<Given> given = new ArrayList<>(round.size());
        List<RoutingEvent> decisionEvents = new ArrayList<>(round.size());
        for (Decision decision : round) {
            Waiting item = waiting.get(decision.work().id());
            String agentId = decision.agentId();
            Map<Channel, Integer> capacity = capacities.get(agentId);
            if (capacity == null) {
                continue;
            }
            Map<Channel, Integer> load = held.computeIfAbsent(agentId, id -> new EnumMap<>(Channel.class));
            if (hasRoom(capacity, load, item.channel())) {
                load.merge(item.channel(), 1, Integer::sum);
                boolean autoAccept = config.offers().autoAcceptChannels().contains(item.channel());
                given.add(new Given(item.id(), agentId,
                        autoAccept ? null : now.plus(config.offers().timeoutFor(item.channel()))));
                decisionEvents.add(new RoutingEvent(autoAccept ? RoutingEventType.ASSIGNED : RoutingEventType.OFFERED,
                        item.conversationKey(), item.id().toString(), item.messageId(), item.channel(), item.inbox(), agentId,
                        item.dueAt(), now));
                metrics.counter("gateway.routing.assignments", "channel", item.channel().wireName()).increment();
                metrics.timer("gateway.routing.queue.wait", "channel", item.channel().wireName())
                        .record(Duration.between(item.clockStartedAt(), now));
            }
        }
        waitingWork.give(given, now);
        events.recordAll(decisionEvents);
        Set<String> assignedTo = given.stream().map(Given::agentId).collect(Collectors.toSet());
        agents.markAssigned(assignedTo, now);
        onlineAgents.assignedWhenCommitted(assignedTo, now);
        capacities.keySet().forEach(agent -> countedUnderLock.put(agent, held.getOrDefault(agent, Map.of())));
        decisionEvents.forEach(event -> Log.debugf("%s %s (work item %s) to agent %s", event.type().wireName(),
                event.conversationKey(), event.workItemId(), event.agentId()));
        return given.size();
    }

    /** Capacity and the mixing rule for an agent the caller has locked, counted from the database. */
    boolean hasRoomFor(Agent agent, Channel channel) {
        return agent.presence == Presence.ONLINE && hasRoom(agent.capacities, workItems.heldBy(agent.id), channel);
    }

    /** Room on the channel, and no mixing with an exclusive channel's work (an agent on a call takes nothing else). */
    private boolean hasRoom(Map<Channel, Integer> capacity, Map<Channel, Integer> held, Channel channel) {
        if (held.getOrDefault(channel, 0) >= capacity.getOrDefault(channel, 0)) {
            return false;
        }
        Set<Channel> exclusive = config.exclusiveChannels();
        boolean holdsExclusive = held.entrySet().stream().anyMatch(e -> e.getValue() > 0 && exclusive.contains(e.getKey()));
        boolean holdsAny = held.values().stream().anyMatch(count -> count > 0);
        return !holdsExclusive && !(exclusive.contains(channel) && holdsAny);
    }

    private WorkRequest request(Waiting item, Instant now, Map<String, Team> teams) {
        boolean dropOptional = item.escalated() || item.slaState() != SlaState.OK
                || now.isAfter(item.clockStartedAt().plus(config.optionalSkillsWait()));
        Set<String> eligibleTeams = new LinkedHashSet<>();
        if (item.teamId() != null) {
            eligibleTeams.add(item.teamId());
            Team team = teams.computeIfAbsent(item.teamId(), id -> entityManager.find(Team.class, id));
            if (team != null && team.overflowTeamId != null && item.slaState() != SlaState.OK) {
                eligibleTeams.add(team.overflowTeamId);
            }
        }
        return new WorkRequest(item.id().toString(), item.channel(), item.dueAt().toEpochMilli(),
                item.arrivedAt().toEpochMilli(), item.priority().ordinal(), Tags.parse(item.requiredSkills()),
                Tags.parse(item.optionalSkills()), dropOptional, eligibleTeams, Tags.parse(item.excludedAgents()),
                item.preferredAgent(), item.preferUntil() == null ? 0 : item.preferUntil().toEpochMilli());
    }
}
