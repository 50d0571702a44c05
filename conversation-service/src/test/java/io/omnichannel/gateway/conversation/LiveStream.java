package io.omnichannel.gateway.conversation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A desktop's connection to GET /api/v1/me/events, read as Server-Sent Events frames. */
final class LiveStream implements AutoCloseable {

    /** One SSE frame. */
    record Frame(String id, String event, String data) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<Frame> frames = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile int status;

    private LiveStream(String token, String lastEventId) {
        int port = io.restassured.RestAssured.port;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me/events"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        response = HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            status = r.statusCode();
            Thread reader = new Thread(() -> read(r.body()), "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
        });
    }

    static LiveStream open(String token) {
        return new LiveStream(token, null);
    }

    static LiveStream resume(String token, String lastEventId) {
        return new LiveStream(token, lastEventId);
    }

    private void read(Stream<String> lines) {
        String id = null;
        String event = null;
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (event != null || data.length() > 0) {
                        frames.add(new Frame(id, event, data.toString()));
                    }
                    id = null;
                    event = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).trim());
                }
            }
        } catch (RuntimeException e) {
            // the stream was closed
        }
    }

    int status() {
        return status;
    }

    List<Frame> frames() {
        return new ArrayList<>(frames);
    }

    /** The frames of {@code event} type so far. */
    List<Frame> frames(String event) {
        return frames.stream().filter(f -> event.equals(f.event())).toList();
    }

    boolean connected() {
        return !frames("connected").isEmpty();
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}
