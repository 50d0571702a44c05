package io.omnichannel.gateway.routing.rest;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.routing.domain.BusinessCalendar;
import io.omnichannel.gateway.routing.domain.InboxRouting;
import io.omnichannel.gateway.routing.domain.Priority;
import io.omnichannel.gateway.routing.domain.ResponsePolicy;
import io.omnichannel.gateway.routing.domain.Tags;
import io.omnichannel.gateway.routing.domain.Team;
import io.omnichannel.gateway.routing.service.InvalidRequestException;
import io.omnichannel.gateway.routing.service.PolicyAdminService;
import io.omnichannel.gateway.routing.service.PolicyService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Teams, response-time policies, business-hours calendars and inbox routing rules. */
@Path("/api/v1")
public class PolicyResource {

    public record TeamRequest(@NotBlank String name, String overflowTeamId) {
    }

    public record TeamView(String id, String name, String overflowTeamId) {
        static TeamView of(Team team) {
            return new TeamView(team.id, team.name, team.overflowTeamId);
        }
    }

    /** @param target ISO-8601 duration, e.g. {@code PT10M}, {@code P2D} */
    public record PolicyRequest(@NotBlank String target, String inbox, String priority) {
    }

    /** A target in force; {@code inbox}/{@code priority} {@code *} match all; {@code source} is {@code default} or {@code policy}. */
    public record PolicyView(String channel, String inbox, String priority, Duration target, String source) {
    }

    public record CalendarRequest(@NotBlank String timeZone, @NotEmpty List<String> weeklyHours, List<String> holidays) {
    }

    public record CalendarView(String id, String timeZone, List<String> weeklyHours, List<String> holidays) {
        static CalendarView of(BusinessCalendar calendar) {
            return new CalendarView(calendar.id, calendar.timeZone, Arrays.asList(calendar.weeklyHours.split("\n")),
                    calendar.holidays.isBlank() ? List.of() : Arrays.asList(calendar.holidays.split(",")));
        }
    }

    public record InboxRoutingRequest(String calendarId, String teamId, List<String> requiredSkills,
            List<String> optionalSkills, String defaultPriority) {
    }

    public record InboxRoutingView(String inbox, String calendarId, String teamId, Set<String> requiredSkills,
            Set<String> optionalSkills, String defaultPriority) {
        static InboxRoutingView of(InboxRouting rules) {
            return new InboxRoutingView(rules.inbox, rules.calendarId, rules.teamId, Tags.parse(rules.requiredSkills),
                    Tags.parse(rules.optionalSkills), rules.defaultPriority.name().toLowerCase());
        }
    }

    private final PolicyAdminService admin;
    private final PolicyService policies;

    PolicyResource(PolicyAdminService admin, PolicyService policies) {
        this.admin = admin;
        this.policies = policies;
    }

    @PUT
    @Path("/teams/{id}")
    @Operation(summary = "Create or update a team; its overflow team may take its work at SLA warning")
    public TeamView putTeam(@PathParam("id") String id, @Valid @NotNull TeamRequest request) {
        return TeamView.of(admin.putTeam(id, request.name(), request.overflowTeamId()));
    }

    @GET
    @Path("/teams/{id}")
    public TeamView team(@PathParam("id") String id) {
        return TeamView.of(admin.team(id));
    }

    @GET
    @Path("/teams")
    public List<TeamView> teams() {
        return admin.teams().stream().map(TeamView::of).toList();
    }

    @DELETE
    @Path("/teams/{id}")
    @Operation(summary = "Delete a team no agent, inbox, team or open conversation refers to (409 names what does)")
    public void deleteTeam(@PathParam("id") String id) {
        admin.deleteTeam(id);
    }

    @GET
    @Path("/policies")
    @Operation(summary = "Response targets in force: the configured default of each channel and the stored policies")
    public List<PolicyView> policies() {
        List<PolicyView> views = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            views.add(new PolicyView(channel.wireName(), ResponsePolicy.ANY, ResponsePolicy.ANY,
                    policies.target(channel, ResponsePolicy.ANY, Priority.NORMAL), "default"));
        }
        for (ResponsePolicy policy : admin.policies()) {
            views.add(new PolicyView(Channel.valueOf(policy.key.channel()).wireName(), policy.key.inbox(),
                    policy.key.priority().toLowerCase(), Duration.ofSeconds(policy.targetSeconds), "policy"));
        }
        return views;
    }

    @PUT
    @Path("/policies/{channel}")
    @Operation(summary = "Set the response target of a channel, optionally for one inbox and/or one priority")
    public PolicyView putPolicy(@PathParam("channel") String channel, @Valid @NotNull PolicyRequest request) {
        Duration target;
        try {
            target = Duration.parse(request.target());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("target", "target must be an ISO-8601 duration like PT10M or P2D, got '"
                    + request.target() + "'");
        }
        Channel parsed = channel(channel);
        Priority priority = priority(request.priority());
        ResponsePolicy policy = admin.putPolicy(parsed, request.inbox(), priority, target);
        return new PolicyView(parsed.wireName(), policy.key.inbox(), policy.key.priority().toLowerCase(), target, "policy");
    }

    @DELETE
    @Path("/policies/{channel}")
    @Operation(summary = "Remove a stored policy (the configured default stays)")
    public void deletePolicy(@PathParam("channel") String channel, @QueryParam("inbox") String inbox,
            @QueryParam("priority") String priority) {
        admin.deletePolicy(channel(channel), inbox, priority(priority));
    }

    @PUT
    @Path("/calendars/{id}")
    @Operation(summary = "Create or replace a business-hours calendar",
            description = "weeklyHours like [\"MONDAY 09:00-17:00\", ...]; holidays ISO dates. Response clocks of inboxes "
                    + "using the calendar only run while it is open.")
    public CalendarView putCalendar(@PathParam("id") String id, @Valid @NotNull CalendarRequest request) {
        return CalendarView.of(admin.putCalendar(id, request.timeZone(), request.weeklyHours(),
                request.holidays() == null ? List.of() : request.holidays()));
    }

    @GET
    @Path("/calendars/{id}")
    public CalendarView calendar(@PathParam("id") String id) {
        return CalendarView.of(admin.calendar(id));
    }

    @GET
    @Path("/calendars")
    public List<CalendarView> calendars() {
        return admin.calendars().stream().map(CalendarView::of).toList();
    }

    @DELETE
    @Path("/calendars/{id}")
    @Operation(summary = "Delete a calendar no inbox uses (409 names the inboxes that do)")
    public void deleteCalendar(@PathParam("id") String id) {
        admin.deleteCalendar(id);
    }

    @PUT
    @Path("/inboxes/{inbox}/routing")
    @Operation(summary = "Routing rules of an inbox: calendar, team, required and optional skills, default priority")
    public InboxRoutingView putInboxRouting(@PathParam("inbox") String inbox, @NotNull InboxRoutingRequest request) {
        return InboxRoutingView.of(admin.putInboxRouting(inbox, request.calendarId(), request.teamId(),
                orEmpty(request.requiredSkills()), orEmpty(request.optionalSkills()), priority(request.defaultPriority())));
    }

    @GET
    @Path("/inboxes/{inbox}/routing")
    public InboxRoutingView inboxRouting(@PathParam("inbox") String inbox) {
        return InboxRoutingView.of(admin.inboxRouting(inbox));
    }

    static Channel channel(String value) {
        try {
            return Channel.fromWireName(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("channel", e.getMessage());
        }
    }

    static Priority priority(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Priority.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("priority", e.getMessage());
        }
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
