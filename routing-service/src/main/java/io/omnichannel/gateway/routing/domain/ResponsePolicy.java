package io.omnichannel.gateway.routing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A response target for a channel, narrowed to an inbox and/or a priority; {@value #ANY} matches all. */
@Entity
@Table(name = "response_policy")
public class ResponsePolicy {

    public static final String ANY = "*";

    @EmbeddedId
    public Key key;

    @Column(name = "target_seconds")
    public int targetSeconds;

    @Embeddable
    public record Key(String channel, String inbox, String priority) implements Serializable {
    }
}
