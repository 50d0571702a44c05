package io.omnichannel.gateway.adapters.social;

import static io.omnichannel.gateway.adapters.social.MetaJson.array;
import static io.omnichannel.gateway.adapters.social.MetaJson.object;
import static io.omnichannel.gateway.adapters.social.MetaJson.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnichannel.gateway.adapters.inbound.InboundAdapter;
import io.omnichannel.gateway.adapters.inbound.Normalized;
import io.omnichannel.gateway.adapters.inbound.StatusReport;
import io.omnichannel.gateway.adapters.inbound.WebhookRequest;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.inbox.InboxRegistry;
import io.omnichannel.gateway.adapters.inbox.UnknownInboxException;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import io.omnichannel.gateway.adapters.social.messenger.MessagingNormalizer;
import io.omnichannel.gateway.adapters.social.whatsapp.WhatsAppNormalizer;
import io.omnichannel.gateway.contract.InboundMessage;
import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A Meta webhook (WhatsApp Cloud API, Messenger or Instagram) posted to the callback URL of one
 * inbox: {@code X-Hub-Signature-256} checked with that inbox's app secret, then every entry of the
 * batch normalized. An app serves several numbers or pages through one callback URL, so an entry
 * addressed to another inbox (WhatsApp {@code phone_number_id}, page or Instagram account id) is
 * normalized for that inbox, provided it has the same app secret; entries for numbers or pages no
 * inbox has are logged and skipped, and a request with nothing but those is refused (404).
 */
public final class MetaWebhookAdapter implements InboundAdapter<JsonNode> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MetaProduct product;
    private final InboxRegistry inboxes;
    private final Function<Inbox, String> graphUrl;

    /** @param graphUrl the Graph API base of an inbox, for its media references ({@link GraphApi#baseUrl}) */
    public MetaWebhookAdapter(MetaProduct product, InboxRegistry inboxes, Function<Inbox, String> graphUrl) {
        this.product = product;
        this.inboxes = inboxes;
        this.graphUrl = graphUrl;
    }

    @Override
    public void verify(Inbox inbox, WebhookRequest request) {
        MetaSignature.verify(inbox, request);
    }

    @Override
    public JsonNode parse(WebhookRequest request) {
        JsonNode root;
        try {
            root = JSON.readTree(request.body());
        } catch (JsonProcessingException e) {
            throw WebhookRejectedException.malformed("body", "the body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw WebhookRejectedException.malformed("body", "the body is not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw WebhookRejectedException.malformed("body", "the body must be a JSON object with 'object' and 'entry'");
        }
        String object = text(root, "object");
        if (object == null) {
            throw WebhookRejectedException.missingField("object");
        }
        if (!product.object().equals(object)) {
            throw WebhookRejectedException.malformed("object", "'object' is '" + object + "', but this is the "
                    + product.label() + " endpoint, which takes '" + product.object() + "'");
        }
        if (!root.path("entry").isArray()) {
            throw WebhookRejectedException.malformed("entry", "'entry' must be an array of the webhook's entries");
        }
        return root;
    }

    @Override
    public Normalized normalize(Inbox inbox, JsonNode root, Instant receivedAt) {
        List<InboundMessage> messages = new ArrayList<>();
        List<StatusReport> statuses = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        int addressed = 0;
        List<JsonNode> entries = array(root, "entry", "");
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String path = "entry[" + i + "]";
            if (product == MetaProduct.WHATSAPP) {
                List<JsonNode> changes = array(entry, "changes", path);
                for (int j = 0; j < changes.size(); j++) {
                    JsonNode change = changes.get(j);
                    String field = text(change, "field");
                    if (!"messages".equals(field)) {
                        Log.debugf("WhatsApp %s change at %s.changes[%d] is not about messages; skipped", field, path, j);
                        continue;
                    }
                    JsonNode value = object(change, "value");
                    String address = text(object(value, "metadata"), "phone_number_id");
                    addressed++;
                    Optional<Inbox> target = route(inbox, address, unknown);
                    if (target.isPresent()) {
                        WhatsAppNormalizer.normalize(target.get(), value, path + ".changes[" + j + "].value", receivedAt,
                                graphUrl.apply(target.get()), messages, statuses);
                    }
                }
            } else {
                addressed++;
                Optional<Inbox> target = route(inbox, text(entry, "id"), unknown);
                if (target.isPresent()) {
                    MessagingNormalizer.normalize(product, target.get(), entry, path, receivedAt, messages, statuses);
                }
            }
        }
        if (addressed > 0 && unknown.size() == addressed) {
            throw new UnknownInboxException("no " + product.provider() + " inbox has the address " + String.join(", ", unknown)
                    + " with the app secret of inbox '" + inbox.id() + "'; configure an inbox with provider "
                    + product.provider() + " and that address");
        }
        return new Normalized(messages, statuses);
    }

    /** The inbox an entry is for: the called one, else the inbox at its address if it shares the app secret. */
    private Optional<Inbox> route(Inbox called, String address, List<String> unknown) {
        if (address == null || called.address() == null || called.address().equals(address)) {
            return Optional.of(called);
        }
        Optional<Inbox> other = inboxes.byAddress(product.provider(), address).filter(inbox -> sameSecret(inbox, called));
        if (other.isEmpty()) {
            unknown.add(address);
            Log.warnf("%s webhook to inbox '%s' has an entry for %s, which no inbox with the same app secret has; skipped",
                    product.label(), called.id(), address);
        }
        return other;
    }

    private static boolean sameSecret(Inbox a, Inbox b) {
        return a.secret() != null && b.secret() != null && MessageDigest.isEqual(
                a.secret().getBytes(StandardCharsets.UTF_8), b.secret().getBytes(StandardCharsets.UTF_8));
    }
}
