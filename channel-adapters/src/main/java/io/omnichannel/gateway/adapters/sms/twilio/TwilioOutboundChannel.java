package io.omnichannel.gateway.adapters.sms.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.omnichannel.gateway.adapters.config.AdaptersConfig;
import io.omnichannel.gateway.adapters.http.ProviderHttp;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.outbound.DeliveryResult;
import io.omnichannel.gateway.adapters.outbound.OutboundChannel;
import io.omnichannel.gateway.adapters.outbound.TransientDeliveryException;
import io.omnichannel.gateway.adapters.sms.SmsSegments;
import io.omnichannel.gateway.contract.Attachment;
import io.omnichannel.gateway.contract.OutboundMessage;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Replies through Twilio's Messages API ({@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json},
 * HTTP Basic AccountSid:AuthToken), from the inbox's number, with our status callback URL. A text
 * over Twilio's 1600 characters goes as several messages cut at SMS part boundaries.
 */
@ApplicationScoped
public class TwilioOutboundChannel implements OutboundChannel {

    static final int MAX_BODY_CHARS = 1600;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProviderHttp http;
    private final MeterRegistry metrics;
    private final String apiBaseUrl;
    private final String statusCallbackUrl;

    TwilioOutboundChannel(ProviderHttp http, AdaptersConfig config, MeterRegistry metrics) {
        this.http = http;
        this.metrics = metrics;
        this.apiBaseUrl = config.twilio().apiBaseUrl().replaceAll("/+$", "");
        this.statusCallbackUrl = config.publicBaseUrl().replaceAll("/+$", "") + "/webhooks/sms/twilio/status";
    }

    @Override
    public String provider() {
        return TwilioInboundNormalizer.PROVIDER;
    }

    @Override
    public DeliveryResult deliver(Inbox inbox, OutboundMessage message) {
        if (inbox.account() == null || inbox.sendCredential() == null || inbox.address() == null) {
            return DeliveryResult.rejected("the Twilio inbox '" + inbox.id()
                    + "' has no account SID, auth token or number to send from; configure it");
        }
        SmsSegments.Split split = SmsSegments.split(message.text());
        Log.infof("reply %s: %d SMS part(s) in %s", message.id(), split.count(), split.encoding());
        List<String> chunks = SmsSegments.chunks(message.text(), MAX_BODY_CHARS);
        List<String> sids = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            DeliveryResult result = send(inbox, message, chunks.get(i), i == 0 ? message.attachments() : List.of());
            if (!result.isAccepted()) {
                return sids.isEmpty() ? result : DeliveryResult.rejected(result.reason() + " (after " + sids.size()
                        + " of " + chunks.size() + " parts were sent)");
            }
            sids.add(result.externalId());
            countSegments(chunks.get(i));
        }
        return DeliveryResult.accepted(sids);
    }

    /** {@code gateway_sms_segments_total{provider,encoding}}: the SMS parts Twilio bills for what it accepted. */
    private void countSegments(String sent) {
        SmsSegments.Split split = SmsSegments.split(sent);
        metrics.counter("gateway.sms.segments", "provider", provider(), "encoding", split.encoding().name())
                .increment(split.count());
    }

    private DeliveryResult send(Inbox inbox, OutboundMessage message, String body, List<Attachment> media) {
        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(new SimpleImmutableEntry<>("To", message.to()));
        form.add(new SimpleImmutableEntry<>("From", inbox.address()));
        form.add(new SimpleImmutableEntry<>("Body", body));
        form.add(new SimpleImmutableEntry<>("StatusCallback", statusCallbackUrl));
        media.stream().map(Attachment::ref).filter(ref -> ref != null && ref.startsWith("http"))
                .forEach(ref -> form.add(new SimpleImmutableEntry<>("MediaUrl", ref)));
        String credentials = Base64.getEncoder().encodeToString(
                (inbox.account() + ":" + inbox.sendCredential()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = http.request(apiBaseUrl + "/2010-04-01/Accounts/" + inbox.account() + "/Messages.json")
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ProviderHttp.form(form)))
                .build();
        HttpResponse<String> response = http.send(request);
        JsonNode answer = parse(response.body());
        if (response.statusCode() / 100 == 2) {
            String sid = answer.path("sid").asText(null);
            if (sid == null) {
                throw new TransientDeliveryException("Twilio accepted the message but returned no sid");
            }
            return DeliveryResult.accepted(sid);
        }
        String reason = TwilioErrors.describe("rejected by Twilio", answer.path("code").asText(null),
                answer.path("message").asText("HTTP " + response.statusCode()));
        if (ProviderHttp.isTransient(response.statusCode())) {
            throw new TransientDeliveryException(reason);
        }
        return DeliveryResult.rejected(reason);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
