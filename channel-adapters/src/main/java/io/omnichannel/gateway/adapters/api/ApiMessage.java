package io.omnichannel.gateway.adapters.api;

import io.omnichannel.gateway.contract.Attachment;
import io.omnichannel.gateway.contract.CustomerRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an integrator posts: the contract's normalized message without the fields the gateway
 * fills in (id, channel, provider, inbox, receivedAt).
 *
 * @param externalId the integrator's own id of the message; the same id is one message, however often posted
 */
public record ApiMessage(
        String externalId,
        CustomerRef customer,
        String threadRef,
        Instant sentAt,
        String subject,
        String text,
        String html,
        List<Attachment> attachments,
        String language,
        Map<String, String> metadata) {
}
