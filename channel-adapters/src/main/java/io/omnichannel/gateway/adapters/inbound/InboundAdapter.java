package io.omnichannel.gateway.adapters.inbound;

import io.omnichannel.gateway.adapters.inbox.Inbox;
import java.time.Instant;

/**
 * The inbound half of a channel: what a provider's webhook call becomes. The
 * {@link InboundPipeline} calls the three steps in order, and publishes only when all three pass.
 *
 * <ol>
 *   <li>{@link #verify}: is the call really from the provider, for this inbox? Compare in constant time
 *       ({@link java.security.MessageDigest#isEqual}); throw
 *       {@link io.omnichannel.gateway.adapters.rest.WebhookRejectedException#badSignature} (403) or
 *       {@code unauthenticated} (401).</li>
 *   <li>{@link #parse}: the raw body to the provider's payload; throw
 *       {@link io.omnichannel.gateway.adapters.rest.WebhookRejectedException#malformed} (400) naming the field.</li>
 *   <li>{@link #normalize}: the payload to the contract's messages (ids from
 *       {@link io.omnichannel.gateway.contract.MessageIds#forProviderMessage}, so a provider's retry gets
 *       the same id) and status reports.</li>
 * </ol>
 *
 * Implementations are stateless beans or plain objects; the steps run on the HTTP event loop unless
 * the endpoint is {@code @Blocking}, so one that needs the database must be served by a blocking endpoint.
 *
 * @param <P> the provider's payload type
 */
public interface InboundAdapter<P> {

    void verify(Inbox inbox, WebhookRequest request);

    P parse(WebhookRequest request);

    Normalized normalize(Inbox inbox, P payload, Instant receivedAt);
}
