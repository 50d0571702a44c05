package io.omnichannel.gateway.adapters.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.omnichannel.gateway.adapters.inbound.InboundAdapter;
import io.omnichannel.gateway.adapters.inbound.Normalized;
import io.omnichannel.gateway.adapters.inbound.WebhookRequest;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.contract.MessageIds;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;

/** The generic API channel: our normalized JSON, signed with the inbox's secret over timestamp + body. */
public final class ApiInboundAdapter implements InboundAdapter<ApiMessage> {

    public static final String PROVIDER = "api";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Duration replayWindow;
    private final Clock clock;

    public ApiInboundAdapter(Duration replayWindow, Clock clock) {
        this.replayWindow = replayWindow;
        this.clock = clock;
    }

    @Override
    public void verify(Inbox inbox, WebhookRequest request) {
        if (inbox.secret() == null) {
            throw WebhookRejectedException.badSignature("the inbox '" + inbox.id() + "' has no secret configured");
        }
        ApiSignature.verify(inbox.secret(), request.header(ApiSignature.TIMESTAMP_HEADER).orElse(null),
                request.header(ApiSignature.SIGNATURE_HEADER).orElse(null), request.body(), clock.instant(), replayWindow);
    }

    @Override
    public ApiMessage parse(WebhookRequest request) {
        ApiMessage message;
        try {
            message = JSON.readValue(request.body(), ApiMessage.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName()
                    : "[" + ref.getIndex() + "]").collect(Collectors.joining("."));
            throw WebhookRejectedException.malformed(field.isEmpty() ? "body" : field, (field.isEmpty() ? "the body"
                    : "'" + field + "'") + " is not valid: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw WebhookRejectedException.malformed("body", "the body is not JSON: " + e.getMessage());
        }
        if (message == null) {
            throw WebhookRejectedException.malformed("body", "the body is empty; post a message as JSON");
        }
        if (message.externalId() == null || message.externalId().isBlank()) {
            throw WebhookRejectedException.missingField("externalId");
        }
        if (message.customer() == null) {
            throw WebhookRejectedException.missingField("customer.handle");
        }
        return message;
    }

    @Override
    public Normalized normalize(Inbox inbox, ApiMessage message, Instant receivedAt) {
        return Normalized.of(new InboundMessage(
                MessageIds.forProviderMessage(PROVIDER, inbox.id(), message.externalId()),
                inbox.channel(), PROVIDER, inbox.id(), message.externalId(), message.threadRef(), message.customer(),
                message.sentAt(), receivedAt, message.subject(), message.text(), message.html(), message.attachments(),
                message.language(), message.metadata()));
    }
}
