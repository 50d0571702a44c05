package io.omnichannel.gateway.conversation.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The team each agent's token last named: what gives a conversation assigned to them its team. */
@ApplicationScoped
public class AgentProfileRepository {

    private final EntityManager entityManager;

    AgentProfileRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void saveTeam(String agentId, String teamId, Instant now) {
        entityManager.createNativeQuery("""
                        INSERT INTO agent_profile (agent_id, team_id, updated_at) VALUES (:agent, :team, :now)
                        ON CONFLICT (agent_id) DO UPDATE SET team_id = excluded.team_id, updated_at = excluded.updated_at
                        WHERE agent_profile.team_id IS DISTINCT FROM excluded.team_id""")
                .setParameter("agent", agentId)
                .setParameter("team", teamId)
                .setParameter("now", now)
                .executeUpdate();
    }

    public Optional<String> teamOf(String agentId) {
        @SuppressWarnings("unchecked")
        List<String> rows = entityManager.createNativeQuery("SELECT team_id FROM agent_profile WHERE agent_id = :agent")
                .setParameter("agent", agentId).getResultList();
        return rows.stream().filter(java.util.Objects::nonNull).findFirst();
    }
}
