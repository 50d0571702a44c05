package io.omnichannel.gateway.routing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The agent who last served a customer on a conversation key: offered their next conversation first. */
@Entity
@Table(name = "customer_affinity")
public class CustomerAffinity {

    @Id
    @Column(name = "conversation_key")
    public String conversationKey;

    @Column(name = "agent_id")
    public String agentId;

    @Column(name = "served_at")
    public Instant servedAt;
}
