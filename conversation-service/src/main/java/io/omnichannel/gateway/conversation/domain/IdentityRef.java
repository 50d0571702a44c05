package io.omnichannel.gateway.conversation.domain;

import java.util.Objects;

/** An identity by its normalized address, before it is known whose it is. */
public record IdentityRef(IdentityKind kind, String value, boolean verified) {

    public IdentityRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    /** The key that serializes everything done to this identity (an advisory lock name). */
    public String lockName() {
        return "identity:" + kind.wireName() + ":" + value;
    }
}
