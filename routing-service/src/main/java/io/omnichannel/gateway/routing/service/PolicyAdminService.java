package io.omnichannel.gateway.routing.service;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.routing.domain.BusinessCalendar;
import io.omnichannel.gateway.routing.domain.BusinessHours;
import io.omnichannel.gateway.routing.domain.InboxRouting;
import io.omnichannel.gateway.routing.domain.Priority;
import io.omnichannel.gateway.routing.domain.ResponsePolicy;
import io.omnichannel.gateway.routing.domain.Tags;
import io.omnichannel.gateway.routing.domain.Team;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Teams, response policies, business calendars and inbox routing rules, as managed over the API. */
@ApplicationScoped
public class PolicyAdminService {

    private final EntityManager entityManager;

    PolicyAdminService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public Team putTeam(String id, String name, String overflowTeamId) {
        if (overflowTeamId != null && (overflowTeamId.equals(id) || entityManager.find(Team.class, overflowTeamId) == null)) {
            throw new InvalidRequestException("overflowTeamId", "overflow team '" + overflowTeamId + "' must be another existing team");
        }
        Team team = entityManager.find(Team.class, id);
        boolean created = team == null;
        if (created) {
            team = new Team();
            team.id = id;
            team.createdAt = Instant.now();
        }
        team.name = name;
        team.overflowTeamId = overflowTeamId;
        return persistIfNew(team, created);
    }

    @Transactional
    public Team team(String id) {
        Team team = entityManager.find(Team.class, id);
        if (team == null) {
            throw new NotFoundException("no team '" + id + "'");
        }
        return team;
    }

    /** Deletes the team; refused (409) while agents, inbox rules, other teams' overflow or open conversations refer to it. */
    @Transactional
    public void deleteTeam(String id) {
        Team team = entityManager.find(Team.class, id);
        if (team == null) {
            throw new NotFoundException("no team '" + id + "'");
        }
        List<String> users = new ArrayList<>();
        users.addAll(names("agent", "SELECT id FROM agent WHERE (',' || teams || ',') LIKE :pattern", "%," + id + ",%"));
        users.addAll(names("inbox", "SELECT inbox FROM inbox_routing WHERE team_id = :value", id));
        users.addAll(names("team", "SELECT id FROM team WHERE overflow_team_id = :value", id));
        users.addAll(names("conversation",
                "SELECT conversation_key FROM work_item WHERE team_id = :value AND status <> 'RESOLVED'", id));
        if (!users.isEmpty()) {
            throw new ConflictException("team '" + id + "' is still used by " + String.join(", ", users)
                    + "; move them to another team first");
        }
        entityManager.remove(team);
    }

    @Transactional
    public List<Team> teams() {
        return entityManager.createQuery("from Team order by id", Team.class).getResultList();
    }

    @Transactional
    public ResponsePolicy putPolicy(Channel channel, String inbox, Priority priority, Duration target) {
        if (target.isNegative() || target.isZero()) {
            throw new InvalidRequestException("target", "target must be a positive duration like PT10M");
        }
        ResponsePolicy.Key key = new ResponsePolicy.Key(channel.name(), inbox == null ? ResponsePolicy.ANY : inbox,
                priority == null ? ResponsePolicy.ANY : priority.name());
        ResponsePolicy policy = entityManager.find(ResponsePolicy.class, key);
        boolean created = policy == null;
        if (created) {
            policy = new ResponsePolicy();
            policy.key = key;
        }
        policy.targetSeconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, target.toSeconds()));
        return persistIfNew(policy, created);
    }

    @Transactional
    public void deletePolicy(Channel channel, String inbox, Priority priority) {
        ResponsePolicy policy = entityManager.find(ResponsePolicy.class, new ResponsePolicy.Key(channel.name(),
                inbox == null ? ResponsePolicy.ANY : inbox, priority == null ? ResponsePolicy.ANY : priority.name()));
        if (policy == null) {
            throw new NotFoundException("no such policy");
        }
        entityManager.remove(policy);
    }

    @Transactional
    public List<ResponsePolicy> policies() {
        return entityManager.createQuery("from ResponsePolicy", ResponsePolicy.class).getResultList();
    }

    @Transactional
    public BusinessCalendar putCalendar(String id, String timeZone, Collection<String> weeklyHours, Collection<String> holidays) {
        String hours = String.join("\n", weeklyHours);
        String days = String.join(",", holidays);
        try {
            BusinessHours.parse(timeZone, hours, days);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("weeklyHours", e.getMessage());
        }
        BusinessCalendar calendar = entityManager.find(BusinessCalendar.class, id);
        boolean created = calendar == null;
        if (created) {
            calendar = new BusinessCalendar();
            calendar.id = id;
        }
        calendar.timeZone = timeZone;
        calendar.weeklyHours = hours;
        calendar.holidays = days;
        return persistIfNew(calendar, created);
    }

    @Transactional
    public BusinessCalendar calendar(String id) {
        BusinessCalendar calendar = entityManager.find(BusinessCalendar.class, id);
        if (calendar == null) {
            throw new NotFoundException("no calendar '" + id + "'");
        }
        return calendar;
    }

    @Transactional
    public List<BusinessCalendar> calendars() {
        return entityManager.createQuery("from BusinessCalendar order by id", BusinessCalendar.class).getResultList();
    }

    /** Deletes the calendar; refused (409) while an inbox uses it. */
    @Transactional
    public void deleteCalendar(String id) {
        BusinessCalendar calendar = calendar(id);
        List<String> inboxes = names("inbox", "SELECT inbox FROM inbox_routing WHERE calendar_id = :value", id);
        if (!inboxes.isEmpty()) {
            throw new ConflictException("calendar '" + id + "' is still used by " + String.join(", ", inboxes)
                    + "; give those inboxes another calendar (or none) first");
        }
        entityManager.remove(calendar);
    }

    @Transactional
    public InboxRouting putInboxRouting(String inbox, String calendarId, String teamId, Collection<String> requiredSkills,
            Collection<String> optionalSkills, Priority defaultPriority) {
        if (calendarId != null && entityManager.find(BusinessCalendar.class, calendarId) == null) {
            throw new InvalidRequestException("calendarId", "no calendar '" + calendarId + "'");
        }
        if (teamId != null && entityManager.find(Team.class, teamId) == null) {
            throw new InvalidRequestException("teamId", "no team '" + teamId + "'");
        }
        InboxRouting rules = entityManager.find(InboxRouting.class, inbox);
        boolean created = rules == null;
        if (created) {
            rules = new InboxRouting();
            rules.inbox = inbox;
        }
        rules.calendarId = calendarId;
        rules.teamId = teamId;
        rules.requiredSkills = Tags.format(requiredSkills);
        rules.optionalSkills = Tags.format(optionalSkills);
        rules.defaultPriority = defaultPriority == null ? Priority.NORMAL : defaultPriority;
        return persistIfNew(rules, created);
    }

    @Transactional
    public InboxRouting inboxRouting(String inbox) {
        InboxRouting rules = entityManager.find(InboxRouting.class, inbox);
        if (rules == null) {
            throw new NotFoundException("no routing rules for inbox '" + inbox + "'");
        }
        return rules;
    }

    /** Up to ten rows of a one-column query, each as {@code "<kind> <value>"}, for a message naming what refers to something. */
    @SuppressWarnings("unchecked")
    private List<String> names(String kind, String sql, String value) {
        List<Object> rows = entityManager.createNativeQuery(sql + " ORDER BY 1 LIMIT 10").setParameter(
                sql.contains(":pattern") ? "pattern" : "value", value).getResultList();
        return rows.stream().map(row -> kind + " " + row).toList();
    }

    /** Hibernate inserts the state an entity has when persisted, so a new one is persisted only once complete. */
    private <T> T persistIfNew(T entity, boolean created) {
        if (created) {
            entityManager.persist(entity);
        }
        return entity;
    }
}
