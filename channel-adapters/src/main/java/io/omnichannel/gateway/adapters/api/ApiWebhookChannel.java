package io.omnichannel.gateway.adapters.api;

import io.omnichannel.gateway.adapters.http.ProviderHttp;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.outbound.DeliveryResult;
import io.omnichannel.gateway.adapters.outbound.OutboundChannel;
import io.omnichannel.gateway.adapters.outbound.TransientDeliveryException;
import io.omnichannel.gateway.contract.EventJson;
import io.omnichannel.gateway.contract.OutboundMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

/**
 * Replies of API-channel inboxes: the contract's {@code OutboundMessage} JSON POSTed to the inbox's
 * {@code webhook-url}, signed like inbound requests, with {@code X-Gateway-Delivery} = the reply's id
 * (the same on every retry, for the integrator's de-duplication).
 */
@ApplicationScoped
public class ApiWebhookChannel implements OutboundChannel {

    public static final String DELIVERY_HEADER = "X-Gateway-Delivery";
    private static final int EXCERPT = 200;

    private final ProviderHttp http;
    private final Clock clock = Clock.systemUTC();

    ApiWebhookChannel(ProviderHttp http) {
        this.http = http;
    }

    @Override
    public String provider() {
        return ApiInboundAdapter.PROVIDER;
    }

    @Override
    public DeliveryResult deliver(Inbox inbox, OutboundMessage message) {
        if (inbox.webhookUrl() == null || inbox.secret() == null) {
            return DeliveryResult.rejected("the API inbox '" + inbox.id() + "' has no webhook-url or secret; configure it");
        }
        byte[] body = EventJson.write(message);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = http.request(inbox.webhookUrl())
                .header("Content-Type", "application/json")
                .header(ApiSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(ApiSignature.SIGNATURE_HEADER, ApiSignature.sign(inbox.secret(), timestamp, body))
                .header(DELIVERY_HEADER, message.id())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response = http.send(request);
        int status = response.statusCode();
        if (status / 100 == 2) {
            return DeliveryResult.accepted(message.id());
        }
        String reason = "the integrator's webhook answered HTTP " + status + excerpt(response.body());
        if (ProviderHttp.isTransient(status)) {
            throw new TransientDeliveryException(reason);
        }
        return DeliveryResult.rejected(reason);
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.strip();
        return ": " + (text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text);
    }
}
