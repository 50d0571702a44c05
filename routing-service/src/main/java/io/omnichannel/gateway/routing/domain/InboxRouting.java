package io.omnichannel.gateway.routing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Routing rules of an inbox: its calendar, the team that serves it, skills its work needs, its default priority. */
@Entity
@Table(name = "inbox_routing")
public class InboxRouting {

    @Id
    public String inbox;

    @Column(name = "calendar_id")
    public String calendarId;

    @Column(name = "team_id")
    public String teamId;

    @Column(name = "required_skills")
    public String requiredSkills = "";

    @Column(name = "optional_skills")
    public String optionalSkills = "";

    @Enumerated(EnumType.STRING)
    @Column(name = "default_priority")
    public Priority defaultPriority = Priority.NORMAL;
}
