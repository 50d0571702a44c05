package io.omnichannel.gateway.contract;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Gateway-assigned message ids. */
public final class MessageIds {

    private MessageIds() {
    }

    /**
     * The id of a provider's message: the same provider, inbox and provider id always give the same
     * id, so a provider's retry that slips past the adapter is still recognized downstream.
     */
    public static String forProviderMessage(String provider, String inbox, String externalId) {
        return UUID.nameUUIDFromBytes((provider + "\n" + inbox + "\n" + externalId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
