package io.omnichannel.gateway.conversation.domain;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.ConversationKey;
import java.util.Objects;

/** The parts of a conversation key {@code channel:inbox:customer-handle}. */
public record ConversationKeyParts(Channel channel, String inbox, String customerHandle) {

    public ConversationKeyParts {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(inbox, "inbox");
        Objects.requireNonNull(customerHandle, "customerHandle");
    }

    /**
     * Splits {@code key} at its first two colons: a handle may contain ':' itself (e.g.
     * {@code whatsapp:+1555...}).
     *
     * @throws IllegalArgumentException when the key lacks one of the parts or names an unknown channel
     */
    public static ConversationKeyParts parse(String key) {
        int first = key.indexOf(':');
        int second = first < 0 ? -1 : key.indexOf(':', first + 1);
        if (first <= 0 || second <= first + 1 || second == key.length() - 1) {
            throw new IllegalArgumentException("conversation key '" + key + "' is not channel:inbox:customer-handle");
        }
        return new ConversationKeyParts(Channel.fromWireName(key.substring(0, first)),
                key.substring(first + 1, second), key.substring(second + 1));
    }

    /**
     * Like {@link #parse(String)}, but trusts the channel and inbox an event states when the key starts
     * with them, so that an inbox containing ':' is split correctly too.
     */
    public static ConversationKeyParts parse(String key, Channel channel, String inbox) {
        if (channel != null && inbox != null) {
            String prefix = ConversationKey.of(channel, inbox, "");
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                return new ConversationKeyParts(channel, inbox, key.substring(prefix.length()));
            }
        }
        return parse(key);
    }

    public String key() {
        return ConversationKey.of(channel, inbox, customerHandle);
    }
}
