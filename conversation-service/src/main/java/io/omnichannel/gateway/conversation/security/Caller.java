package io.omnichannel.gateway.conversation.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The {@link Viewer} of the current request, read from its verified token. */
@RequestScoped
public class Caller {

    /** Claim naming the agent's team (a string), or {@link #TEAMS} (an array) for agents in several. */
    public static final String TEAM = "team";
    public static final String TEAMS = "teams";

    private final JsonWebToken token;
    private final SecurityIdentity identity;
    private Viewer viewer;

    Caller(JsonWebToken token, SecurityIdentity identity) {
        this.token = token;
        this.identity = identity;
    }

    public Viewer viewer() {
        if (viewer == null) {
            Set<String> teams = new LinkedHashSet<>();
            addClaim(teams, token.getClaim(TEAM));
            addClaim(teams, token.getClaim(TEAMS));
            String agent = token.getName() != null ? token.getName() : token.getSubject();
            viewer = new Viewer(agent, Set.copyOf(teams), Set.copyOf(identity.getRoles()));
        }
        return viewer;
    }

    private static void addClaim(Set<String> teams, Object claim) {
        if (claim instanceof JsonString text) {
            teams.add(text.getString());
        } else if (claim instanceof String text) {
            teams.add(text);
        } else if (claim instanceof JsonArray array) {
            for (JsonValue value : array) {
                if (value instanceof JsonString text) {
                    teams.add(text.getString());
                }
            }
        } else if (claim instanceof Iterable<?> values) {
            values.forEach(value -> teams.add(String.valueOf(value)));
        }
    }
}
