package io.omnichannel.gateway.adapters.chat;

import io.omnichannel.gateway.adapters.inbound.InboundAdapter;
import io.omnichannel.gateway.adapters.inbound.Normalized;
import io.omnichannel.gateway.adapters.inbound.WebhookRequest;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.contract.CustomerRef;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.contract.MessageIds;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A visitor's message, from a socket frame or a REST call alike: the visitor in headers
 * ({@code X-Chat-Visitor}, {@code X-Chat-Signature}, {@code X-Chat-Name}, {@code X-Chat-Language},
 * {@code X-Chat-Page}; the name percent-encoded UTF-8), the message as JSON
 * {@code {"clientMessageId", "text"}} in the body. The gateway id comes from the visitor and the client message id, so a widget re-sending its outbox
 * after a reconnect produces the same message, published once.
 */
public final class ChatInboundAdapter implements InboundAdapter<ChatInboundAdapter.ChatPost> {

    public static final String VISITOR_HEADER = "X-Chat-Visitor";
    public static final String SIGNATURE_HEADER = "X-Chat-Signature";
    public static final String NAME_HEADER = "X-Chat-Name";
    public static final String LANGUAGE_HEADER = "X-Chat-Language";
    public static final String PAGE_HEADER = "X-Chat-Page";
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}");
    private static final int MAX_NAME = 100;
    private static final int MAX_PAGE = 500;

    /** The parsed call: who wrote, from where, and what. */
    public record ChatPost(String visitorId, String signature, String displayName, String language, String page,
            ClientFrame.Post message) {
    }

    private final ChatFrames frames;

    public ChatInboundAdapter(ChatFrames frames) {
        this.frames = frames;
    }

    @Override
    public void verify(Inbox inbox, WebhookRequest request) {
        visitor(inbox, request);
    }

    @Override
    public ChatPost parse(WebhookRequest request) {
        ClientFrame.Post message = frames.readPost(request.body());
        return new ChatPost(request.header(VISITOR_HEADER).orElse(null), request.header(SIGNATURE_HEADER).orElse(null),
                displayName(request.header(NAME_HEADER).orElse(null)),
                request.header(LANGUAGE_HEADER).filter(tag -> LANGUAGE.matcher(tag).matches()).orElse(null),
                request.header(PAGE_HEADER).filter(ChatInboundAdapter::isWebPage).orElse(null), message);
    }

    @Override
    public Normalized normalize(Inbox inbox, ChatPost post, Instant receivedAt) {
        Visitor visitor = Visitor.identify(inbox, post.visitorId(), post.signature());
        String externalId = visitor.handle() + "/" + post.message().clientMessageId();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("client-message-id", post.message().clientMessageId());
        metadata.put("visitor-signed", Boolean.toString(visitor.signed()));
        if (post.page() != null) {
            metadata.put("page-url", post.page());
        }
        return Normalized.of(new InboundMessage(MessageIds.forProviderMessage(WebChat.PROVIDER, inbox.id(), externalId),
                inbox.channel(), WebChat.PROVIDER, inbox.id(), externalId, null,
                new CustomerRef(visitor.handle(), post.displayName()), receivedAt, receivedAt, null, post.message().text(),
                null, List.of(), post.language(), metadata));
    }

    private static Visitor visitor(Inbox inbox, WebhookRequest request) {
        return Visitor.identify(inbox, request.header(VISITOR_HEADER).orElse(null), request.header(SIGNATURE_HEADER).orElse(null));
    }

    /** The name as the widget sends it: percent-encoded UTF-8 (HTTP headers are Latin-1). */
    private static String displayName(String encoded) {
        if (encoded == null) {
            return null;
        }
        String name;
        try {
            name = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            name = encoded;
        }
        String clean = name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (clean.isEmpty()) {
            return null;
        }
        return clean.codePointCount(0, clean.length()) <= MAX_NAME ? clean
                : clean.substring(0, clean.offsetByCodePoints(0, MAX_NAME));
    }

    private static boolean isWebPage(String url) {
        return url.length() <= MAX_PAGE && (url.startsWith("https://") || url.startsWith("http://"));
    }
}
