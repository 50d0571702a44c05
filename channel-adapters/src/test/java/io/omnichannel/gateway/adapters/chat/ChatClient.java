package io.omnichannel.gateway.adapters.chat;

import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A widget's socket as a test drives it: sends frames, keeps every frame received, and how it was closed. */
final class ChatClient implements WebSocket.Listener, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;

    static ChatClient connect(URI uri) {
        return connect(uri, null);
    }

    static ChatClient connect(URI uri, String origin) {
        ChatClient client = new ChatClient();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (origin != null) {
            builder.header("Origin", origin);
        }
        try {
            client.socket = builder.buildAsync(uri, client).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot open " + uri, e);
        }
        return client;
    }

    ChatClient send(String frame) {
        socket.sendText(frame, true).join();
        return this;
    }

    ChatClient hello(String visitorId, String signature, long after) {
        return send("{\"type\":\"hello\",\"visitorId\":\"" + visitorId + "\""
                + (signature == null ? "" : ",\"signature\":\"" + signature + "\"") + ",\"after\":" + after + "}");
    }

    ChatClient message(String clientMessageId, String text) {
        return send("{\"type\":\"message\",\"clientMessageId\":\"" + clientMessageId + "\",\"text\":\"" + text + "\"}");
    }

    List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    List<JsonNode> frames(String type) {
        return frames.stream().filter(frame -> type.equals(frame.path("type").asText())).toList();
    }

    /** Waits for a frame that matches. */
    JsonNode await(String type, Predicate<JsonNode> match) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> frames(type).stream().filter(match).findFirst().orElse(null),
                frame -> frame != null);
    }

    JsonNode await(String type) {
        return await(type, frame -> true);
    }

    /** The close code, once the server closed the socket. */
    int awaitClose() {
        return closed.orTimeout(20, TimeUnit.SECONDS).join();
    }

    boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                frames.add(JSON.readTree(partial.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        socket.abort();
    }
}
