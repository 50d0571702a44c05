package io.omnichannel.gateway.adapters.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The routing service's estimate of how long a new chat waits for an agent
 * ({@code GET <adapters.chat.routing-url>/api/v1/expected-wait?channel=chat&inbox=}), per inbox,
 * asked at most once per {@code adapters.chat.expected-wait-refresh}. When the routing service is
 * not configured, does not answer in {@code routing-timeout} or has no estimate, there is none: the
 * widget then says nothing about waiting.
 */
@ApplicationScoped
public class ExpectedWaits {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the widget shows. */
    public record Estimate(long seconds, long waitingAhead) {
    }

    private record Cached(CompletableFuture<Optional<Estimate>> estimate, Instant until) {
    }

    private final Optional<String> routingUrl;
    private final Duration timeout;
    private final Duration refresh;
    private final HttpClient client;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    ExpectedWaits(ChatConfig config) {
        this.routingUrl = config.routingUrl().map(url -> url.replaceAll("/+$", "")).filter(url -> !url.isBlank());
        this.timeout = config.routingTimeout();
        this.refresh = config.expectedWaitRefresh();
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public CompletionStage<Optional<Estimate>> forInbox(String inbox) {
        if (routingUrl.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        Instant now = Instant.now();
        return cache.compute(inbox, (key, cached) -> cached != null && cached.until().isAfter(now) ? cached
                : new Cached(fetch(inbox), now.plus(refresh))).estimate();
    }

    private CompletableFuture<Optional<Estimate>> fetch(String inbox) {
        URI uri = URI.create(routingUrl.get() + "/api/v1/expected-wait?channel=chat&inbox="
                + URLEncoder.encode(inbox, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> read(inbox, response))
                .exceptionally(error -> {
                    Log.debugf("web chat: no expected wait for inbox %s, the routing service did not answer: %s", inbox,
                            error.getMessage());
                    return Optional.empty();
                });
    }

    private static Optional<Estimate> read(String inbox, HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            Log.debugf("web chat: no expected wait for inbox %s, the routing service answered %d", inbox, response.statusCode());
            return Optional.empty();
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            JsonNode seconds = body.path("expectedWaitSeconds");
            if (!seconds.isNumber()) {
                return Optional.empty();
            }
            return Optional.of(new Estimate(Math.max(0, seconds.asLong()), Math.max(0, body.path("waitingAhead").asLong())));
        } catch (IOException e) {
            Log.debugf("web chat: the routing service's expected wait is not JSON: %s", e.getMessage());
            return Optional.empty();
        }
    }
}
