package io.omnichannel.gateway.contract;

import java.util.Objects;

/**
 * Who wrote: the customer's handle on the channel (E.164 number, email address, platform user id)
 * and a display name when the provider gave one.
 */
public record CustomerRef(String handle, String displayName) {
    public CustomerRef {
        Objects.requireNonNull(handle, "customer.handle");
    }
}
