package io.omnichannel.gateway.contract;

import java.util.Objects;

/**
 * The conversation key {@code channel:inbox:customer-handle}: the Kafka key of the conversation
 * topics. The channel and the inbox never contain ':'; the handle may (e.g. a platform user id).
 */
public record ConversationKey(Channel channel, String inbox, String customerHandle) {

    public ConversationKey {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(inbox, "inbox");
        Objects.requireNonNull(customerHandle, "customerHandle");
    }

    public static String of(Channel channel, String inbox, String customerHandle) {
        return new ConversationKey(channel, inbox, customerHandle).toString();
    }

    /** @throws MalformedEventException when {@code key} is not {@code channel:inbox:handle} */
    public static ConversationKey parse(String key) {
        if (key == null) {
            throw new MalformedEventException("conversation key is missing");
        }
        int first = key.indexOf(':');
        int second = first < 0 ? -1 : key.indexOf(':', first + 1);
        if (first <= 0 || second <= first + 1 || second == key.length() - 1) {
            throw new MalformedEventException("conversation key '" + key + "' is not channel:inbox:customer-handle");
        }
        try {
            return new ConversationKey(Channel.fromWireName(key.substring(0, first)), key.substring(first + 1, second),
                    key.substring(second + 1));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("conversation key '" + key + "': " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return channel.wireName() + ":" + inbox + ":" + customerHandle;
    }
}
