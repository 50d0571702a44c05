package io.omnichannel.gateway.conversation.domain;

import io.omnichannel.gateway.contract.Channel;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link Channel} by its wire name ({@code sms}, {@code email}, ...), as the events spell it. */
@Converter(autoApply = true)
public class ChannelConverter implements AttributeConverter<Channel, String> {

    @Override
    public String convertToDatabaseColumn(Channel channel) {
        return channel == null ? null : channel.wireName();
    }

    @Override
    public Channel convertToEntityAttribute(String value) {
        return value == null ? null : Channel.fromWireName(value);
    }
}
