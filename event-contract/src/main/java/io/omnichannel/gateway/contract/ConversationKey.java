package io.omnichannel.gateway.contract;

/** Builds the conversation key {@code channel:inbox:customer-handle} used as the Kafka key of conversation topics. */
public final class ConversationKey {

    private ConversationKey() {
    }

    public static String of(Channel channel, String inbox, String customerHandle) {
        return channel.wireName() + ":" + inbox + ":" + customerHandle;
    }
}
