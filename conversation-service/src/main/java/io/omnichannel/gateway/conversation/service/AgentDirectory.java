package io.omnichannel.gateway.conversation.service;

import io.omnichannel.gateway.conversation.repository.AgentProfileRepository;
import io.omnichannel.gateway.conversation.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers each agent's team from their token, so that a conversation routing assigns to them joins
 * their team and their teammates see it. Written only when it changes.
 */
@ApplicationScoped
public class AgentDirectory {

    private final AgentProfileRepository profiles;
    private final Clock clock;
    private final Map<String, String> known = new ConcurrentHashMap<>();

    AgentDirectory(AgentProfileRepository profiles, Clock clock) {
        this.profiles = profiles;
        this.clock = clock;
    }

    @Transactional
    public void seen(Viewer viewer) {
        String team = viewer.homeTeam().orElse("");
        if (Objects.equals(known.get(viewer.agentId()), team)) {
            return;
        }
        profiles.saveTeam(viewer.agentId(), team.isEmpty() ? null : team, clock.instant());
        known.put(viewer.agentId(), team);
    }
}
