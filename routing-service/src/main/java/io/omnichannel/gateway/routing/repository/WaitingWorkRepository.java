package io.omnichannel.gateway.routing.repository;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.routing.domain.Priority;
import io.omnichannel.gateway.routing.domain.SlaState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The assignment pass's reads and writes of waiting work, as plain values and set-based statements:
 * a pass over thousands of items keeps no entity in the persistence context (nothing to dirty-check
 * at every query) and gives a round of decisions to the database in one statement. Runs in the
 * caller's transaction on its connection.
 */
@ApplicationScoped
public class WaitingWorkRepository {

    /** A waiting item with what the router decides on and what its events report. */
    public record Waiting(UUID id, String conversationKey, String messageId, Channel channel, String inbox,
            Priority priority, Instant arrivedAt, Instant clockStartedAt, Instant dueAt, SlaState slaState,
            boolean escalated, String requiredSkills, String optionalSkills, String teamId, String excludedAgents,
            String preferredAgent, Instant preferUntil) {
    }

    /** An item given to an agent: assigned, or offered until {@code offerExpiresAt}. */
    public record Given(UUID id, String agentId, Instant offerExpiresAt) {
    }

    /** The router's order (as {@code DecisionCore}'s): due time, then priority (urgent first), then arrival, then id. */
    static final String PRIORITY_RANK = "(CASE priority WHEN 'URGENT' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'NORMAL' THEN 2 ELSE 3 END)";
    static final String ROUTER_ORDER = "due_at, " + PRIORITY_RANK + ", arrived_at, id";

    private static final String COLUMNS = "id, conversation_key, message_id, channel, inbox, priority, arrived_at, "
            + "clock_started_at, due_at, sla_state, escalated, required_skills, optional_skills, team_id, excluded_agents, "
            + "preferred_agent, prefer_until";

    private final EntityManager entityManager;

    WaitingWorkRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * The next waiting items of a channel in the router's order, after {@code after} (null: from the
     * start), locked; items another instance is deciding on right now are skipped rather than waited for.
     */
    public List<Waiting> lockNext(Channel channel, Waiting after, int limit) {
        String from = after == null ? "" : " AND (" + ROUTER_ORDER + ") > (?, ?, ?, ?)";
        return work(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM work_item WHERE status = 'WAITING' AND channel = ?" + from + " ORDER BY " + ROUTER_ORDER
                    + " LIMIT ? FOR UPDATE SKIP LOCKED")) {
                int p = 1;
                select.setString(p++, channel.name());
                if (after != null) {
                    select.setTimestamp(p++, Timestamp.from(after.dueAt()));
                    select.setInt(p++, after.priority().ordinal());
                    select.setTimestamp(p++, Timestamp.from(after.arrivedAt()));
                    select.setObject(p++, after.id());
                }
                select.setInt(p, limit);
                List<Waiting> page = new ArrayList<>(limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        page.add(new Waiting(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                                Channel.valueOf(rows.getString(4)), rows.getString(5), Priority.valueOf(rows.getString(6)),
                                instant(rows, 7), instant(rows, 8), instant(rows, 9), SlaState.valueOf(rows.getString(10)),
                                rows.getBoolean(11), rows.getString(12), rows.getString(13), rows.getString(14),
                                rows.getString(15), rows.getString(16), instant(rows, 17)));
                    }
                }
                return page;
            }
        });
    }

    /**
     * Gives locked waiting items to their agents in one statement: assigned (accepted at once) or
     * offered until the offer's expiry.
     */
    public void give(List<Given> given, Instant now) {
        if (given.isEmpty()) {
            return;
        }
        int updated = work(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE work_item w
                    SET status = CASE WHEN g.expires IS NULL THEN 'ASSIGNED' ELSE 'OFFERED' END,
                        assigned_agent_id = g.agent, assigned_at = CAST(? AS timestamptz),
                        accepted_at = CASE WHEN g.expires IS NULL THEN CAST(? AS timestamptz) END,
                        offer_expires_at = g.expires, version = w.version + 1
                    FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(CAST(? AS text[]) AS timestamptz[]))
                         AS g(id, agent, expires)
                    WHERE w.id = g.id AND w.status = 'WAITING'""")) {
                Timestamp at = Timestamp.from(now);
                update.setTimestamp(1, at);
                update.setTimestamp(2, at);
                update.setArray(3, connection.createArrayOf("uuid", given.stream().map(Given::id).toArray()));
                update.setArray(4, connection.createArrayOf("text", given.stream().map(Given::agentId).toArray()));
                update.setArray(5, connection.createArrayOf("text", given.stream()
                        .map(g -> g.offerExpiresAt() == null ? null : g.offerExpiresAt().toString()).toArray()));
                return update.executeUpdate();
            }
        });
        if (updated != given.size()) {
            // the items are locked by this transaction: anything else is a bug, and the pass must not commit half of it
            throw new IllegalStateException("gave " + updated + " of " + given.size() + " locked waiting items");
        }
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        Timestamp value = rows.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T work(Work<T> work) {
        return entityManager.unwrap(Session.class).doReturningWork(work::run);
    }
}
