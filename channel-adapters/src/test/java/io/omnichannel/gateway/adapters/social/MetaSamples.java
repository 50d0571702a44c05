package io.omnichannel.gateway.adapters.social;

import io.omnichannel.gateway.adapters.inbound.Normalized;
import io.omnichannel.gateway.adapters.inbound.WebhookRequest;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.inbox.TestInboxes;
import io.omnichannel.gateway.contract.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/** The Meta samples under {@code samples/social} as webhook requests, and the inboxes the unit tests serve them to. */
public final class MetaSamples {

    public static final String SECRET = "test_app_secret";
    public static final String GRAPH = "https://graph.test/v23.0";
    public static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    public static final Inbox WHATSAPP = new Inbox("wa-support", Channel.SOCIAL, "whatsapp", "1122334455667", SECRET, null,
            "wa-token", null, null, Map.of("verify-token", "verify-me"));
    public static final Inbox WHATSAPP_SALES = new Inbox("wa-sales", Channel.SOCIAL, "whatsapp", "2233445566778", SECRET,
            null, "wa-token", null, null, Map.of());
    public static final Inbox WHATSAPP_OTHER_APP = new Inbox("wa-other", Channel.SOCIAL, "whatsapp", "9988776655443",
            "another-app-secret", null, "wa-token", null, null, Map.of());
    public static final Inbox PAGE = new Inbox("fb-page", Channel.SOCIAL, "messenger", "111111", SECRET, null, "page-token",
            null, null, Map.of());
    public static final Inbox PAGE_WITHOUT_ADDRESS = new Inbox("fb-any", Channel.SOCIAL, "messenger", null, SECRET, null,
            "page-token", null, null, Map.of());
    public static final Inbox INSTAGRAM = new Inbox("ig-shop", Channel.SOCIAL, "instagram", "IGID", SECRET, null,
            "ig-token", null, null, Map.of());

    private MetaSamples() {
    }

    public static byte[] bytes(String path) {
        try (InputStream in = MetaSamples.class.getResourceAsStream("/samples/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static MetaWebhookAdapter adapter(MetaProduct product) {
        return new MetaWebhookAdapter(product, TestInboxes.registry(WHATSAPP, WHATSAPP_SALES, WHATSAPP_OTHER_APP, PAGE,
                INSTAGRAM), inbox -> GRAPH);
    }

    /** A webhook request of {@code body} signed with {@code secret}, as Meta sends it. */
    public static WebhookRequest signed(byte[] body, String secret) {
        return new WebhookRequest("POST", "https://gateway.test/webhooks/social", Map.of(
                "x-hub-signature-256", java.util.List.of(MetaSignature.sign(secret, body)),
                "content-type", java.util.List.of("application/json")), null, body);
    }

    /** Verifies, parses and normalizes a signed sample for {@code inbox}, as the pipeline does. */
    public static Normalized normalize(MetaProduct product, Inbox inbox, byte[] body) {
        MetaWebhookAdapter adapter = adapter(product);
        WebhookRequest request = signed(body, inbox.secret());
        adapter.verify(inbox, request);
        return adapter.normalize(inbox, adapter.parse(request), NOW);
    }

    public static Normalized normalize(MetaProduct product, Inbox inbox, String sample) {
        return normalize(product, inbox, bytes(sample));
    }

    /** A single messaging event sample (Meta documents echoes and reads without their envelope) in a page webhook. */
    public static byte[] inPageEnvelope(String eventSample, String pageId) {
        String event = new String(bytes(eventSample), StandardCharsets.UTF_8);
        return ("{\"object\":\"page\",\"entry\":[{\"id\":\"" + pageId + "\",\"time\":1458668856463,\"messaging\":[" + event
                + "]}]}").getBytes(StandardCharsets.UTF_8);
    }
}
