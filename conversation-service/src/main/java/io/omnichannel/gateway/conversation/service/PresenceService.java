package io.omnichannel.gateway.conversation.service;

import io.omnichannel.gateway.conversation.security.Viewer;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** The desktop sets its agent's presence here; the routing service learns it from gateway.agents.v1. */
@ApplicationScoped
public class PresenceService {

    private final Outbox outbox;
    private final AgentDirectory directory;
    private final Clock clock;

    PresenceService(Outbox outbox, AgentDirectory directory, Clock clock) {
        this.outbox = outbox;
        this.directory = directory;
        this.clock = clock;
    }

    /** @param presence ONLINE, AWAY or OFFLINE */
    @Transactional
    public AgentState set(Viewer viewer, String presence) {
        directory.seen(viewer);
        AgentState state = new AgentState(viewer.agentId(), presence, clock.instant());
        outbox.agentState(state);
        Log.infof("agent %s is %s", viewer.agentId(), presence);
        return state;
    }
}
