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
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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

    public List<String> skills() {
        return skillList.isEmpty() ? List.of() : Arrays.asList(skillList.split(","));
    }

    public void setSkills(List<String> skills) {
        skillList = String.join(",", skills);
    }
}
