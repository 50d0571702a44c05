package io.omnichannel.gateway.routing.domain;

import io.omnichannel.gateway.contract.Channel;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** A person who answers conversations, with how many they can hold at once on each channel. */
@Entity
@Table(name = "agent")
public class Agent {

    @Id
    public String id;

    public String name;

    /** Comma-separated skill tags. */
    @Column(name = "skills")
    String skillList = "";

    /** Comma-separated team ids. */
    @Column(name = "teams")
    String teamList = "";

    @Enumerated(EnumType.STRING)
    public Presence presence = Presence.OFFLINE;

    @Column(name = "presence_changed_at")
    public Instant presenceChangedAt;

    @Column(name = "last_assigned_at")
    public Instant lastAssignedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agent_capacity", joinColumns = @JoinColumn(name = "agent_id"))
    @MapKeyColumn(name = "channel")
    @MapKeyEnumerated(EnumType.STRING)
    @Column(name = "capacity")
    public Map<Channel, Integer> capacities = new EnumMap<>(Channel.class);

    public Set<String> skills() {
        return Tags.parse(skillList);
    }

    public void setSkills(Collection<String> skills) {
        skillList = Tags.format(skills);
    }

    public Set<String> teams() {
        return Tags.parse(teamList);
    }

    public void setTeams(Collection<String> teams) {
        teamList = Tags.formatIds(teams);
    }
}
