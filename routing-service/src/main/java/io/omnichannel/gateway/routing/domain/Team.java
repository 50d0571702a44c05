package io.omnichannel.gateway.routing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A group of agents; work for a team that nobody there can take may overflow to another team at SLA warning. */
@Entity
@Table(name = "team")
public class Team {

    @Id
    public String id;

    public String name;

    @Column(name = "overflow_team_id")
    public String overflowTeamId;

    @Column(name = "created_at")
    public Instant createdAt;
}
