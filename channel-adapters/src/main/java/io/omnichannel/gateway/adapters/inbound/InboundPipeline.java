package io.omnichannel.gateway.adapters.inbound;

import io.omnichannel.gateway.adapters.config.AdaptersConfig;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.outbound.StatusReports;
import io.omnichannel.gateway.adapters.publish.InboundPublisher;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import io.omnichannel.gateway.contract.InboundMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Every inbound webhook goes through here: size limit, then the adapter's verify → parse →
 * normalize, then one publish per distinct message (a batch that repeats an id yields one
 * message). The stage completes once the broker acknowledged every message, so the endpoint can
 * answer 2xx; nothing is published when any step refuses the request.
 */
@ApplicationScoped
public class InboundPipeline {

    private final AdaptersConfig config;
    private final InboundPublisher publisher;
    private final StatusReports statusReports;
    private final Clock clock = Clock.systemUTC();

    InboundPipeline(AdaptersConfig config, InboundPublisher publisher, StatusReports statusReports) {
        this.config = config;
        this.publisher = publisher;
        this.statusReports = statusReports;
    }

    /** Refuses a body over {@code adapters.max-webhook-bytes} (413); endpoints call it before reading the body. */
    public void checkSize(byte[] body) {
        checkSize(body, config.maxWebhookBytes());
    }

    /** Refuses a body over {@code limit} bytes (413), for channels with a limit of their own (mail, transcripts). */
    public void checkSize(byte[] body, int limit) {
        if (body != null && body.length > limit) {
            throw WebhookRejectedException.tooLarge(limit);
        }
    }

    /**
     * Verifies, parses, normalizes and publishes. Status reports are turned into delivery receipts
     * (blocking: only endpoints that can receive them must be {@code @Blocking}).
     *
     * @return the distinct messages of the request, once all are on the broker
     */
    public <P> CompletionStage<List<InboundMessage>> accept(InboundAdapter<P> adapter, Inbox inbox, WebhookRequest request) {
        return accept(adapter, inbox, request, config.maxWebhookBytes());
    }

    /** {@link #accept(InboundAdapter, Inbox, WebhookRequest)} with a size limit of the channel's own. */
    public <P> CompletionStage<List<InboundMessage>> accept(InboundAdapter<P> adapter, Inbox inbox, WebhookRequest request,
            int maxBytes) {
        checkSize(request.body(), maxBytes);
        adapter.verify(inbox, request);
        P payload = adapter.parse(request);
        Normalized normalized = adapter.normalize(inbox, payload, clock.instant());
        if (!normalized.statuses().isEmpty()) {
            statusReports.report(normalized.statuses());
        }
        return publish(normalized.messages());
    }

    /**
     * {@link #accept} for endpoints that run on a worker thread ({@code @Blocking}): waits for the
     * broker and throws its failure as it is (a {@code BrokerUnavailableException} is a 503 with
     * {@code Retry-After}), not wrapped in a {@link CompletionException} (which would be a 500).
     */
    public <P> List<InboundMessage> acceptAndWait(InboundAdapter<P> adapter, Inbox inbox, WebhookRequest request) {
        return await(accept(adapter, inbox, request));
    }

    /** Waits for {@code stage} on a worker thread, rethrowing the exception it failed with unwrapped. */
    public static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Publishes each distinct message id once; completes when the broker has all of them. */
    public CompletionStage<List<InboundMessage>> publish(List<InboundMessage> messages) {
        Map<String, InboundMessage> distinct = new LinkedHashMap<>();
        messages.forEach(message -> distinct.putIfAbsent(message.id(), message));
        if (distinct.size() == 1) {
            InboundMessage only = distinct.values().iterator().next();
            return publisher.publish(only).thenApply(outcome -> List.of(only));
        }
        List<CompletableFuture<?>> acks = new ArrayList<>();
        distinct.values().forEach(message -> acks.add(publisher.publish(message).toCompletableFuture()));
        List<InboundMessage> published = List.copyOf(distinct.values());
        return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).thenApply(done -> published);
    }
}
