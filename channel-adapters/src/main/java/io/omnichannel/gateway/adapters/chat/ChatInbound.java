package io.omnichannel.gateway.adapters.chat;

import io.omnichannel.gateway.adapters.inbound.InboundPipeline;
import io.omnichannel.gateway.adapters.inbound.WebhookRequest;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.contract.InboundMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Visitors' messages into the {@link InboundPipeline}, from the REST fallback as they came and from
 * socket frames as the same request: the hello's visitor in the headers, the message as the body.
 */
@ApplicationScoped
public class ChatInbound {

    private final InboundPipeline pipeline;
    private final ChatInboundAdapter adapter;
    private final ChatFrames frames;

    ChatInbound(InboundPipeline pipeline, ChatConfig config) {
        this.pipeline = pipeline;
        this.frames = ChatFrames.of(config);
        this.adapter = new ChatInboundAdapter(frames);
    }

    ChatFrames frames() {
        return frames;
    }

    /** Completes once the message is on the broker (the same message again completes with the same id). */
    public CompletionStage<InboundMessage> post(Inbox inbox, WebhookRequest request) {
        return pipeline.accept(adapter, inbox, request).thenApply(published -> published.get(0));
    }

    /** A socket frame's message as the request the REST fallback would have made. */
    static WebhookRequest fromSocket(ChatSession.Greeting greeting, ClientFrame.Post post) {
        Map<String, List<String>> headers = new HashMap<>();
        put(headers, ChatInboundAdapter.VISITOR_HEADER, greeting.visitor().id());
        put(headers, ChatInboundAdapter.SIGNATURE_HEADER, greeting.signature());
        put(headers, ChatInboundAdapter.NAME_HEADER,
                greeting.name() == null ? null : URLEncoder.encode(greeting.name(), StandardCharsets.UTF_8));
        put(headers, ChatInboundAdapter.LANGUAGE_HEADER, greeting.language());
        put(headers, ChatInboundAdapter.PAGE_HEADER, greeting.page());
        byte[] body = ChatFrames.writeJson(new ChatFrames.MessageBody(post.clientMessageId(), post.text())).getBytes(StandardCharsets.UTF_8);
        return new WebhookRequest("WS", null, headers, null, body);
    }

    private static void put(Map<String, List<String>> headers, String name, String value) {
        if (value != null) {
            headers.put(name.toLowerCase(Locale.ROOT), List.of(value));
        }
    }
}
