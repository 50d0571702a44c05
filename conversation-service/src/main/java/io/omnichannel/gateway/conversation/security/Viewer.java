package io.omnichannel.gateway.conversation.security;

import io.omnichannel.gateway.conversation.domain.Conversation;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, from their token: the agent id ({@code upn}, else {@code sub}), their roles
 * ({@code groups}) and their teams ({@code team} or {@code teams}). Agents see their own and their
 * teams' conversations; supervisors and admins see all.
 */
public record Viewer(String agentId, Set<String> teams, Set<String> roles) {

    public static final String AGENT = "agent";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";

    public boolean seesAll() {
        return roles.contains(SUPERVISOR) || roles.contains(ADMIN);
    }

    public boolean sees(Conversation conversation) {
        return seesAll() || conversation.isVisibleTo(agentId, teams);
    }

    /** The team an agent's conversations default to: the first one their token names. */
    public Optional<String> homeTeam() {
        return teams.stream().sorted().findFirst();
    }
}
