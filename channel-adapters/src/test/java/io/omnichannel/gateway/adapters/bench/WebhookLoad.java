package io.omnichannel.gateway.adapters.bench;

import io.omnichannel.gateway.localstack.Latencies;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts prepared webhooks to the adapter. Open loop at a fixed rate: each request has an intended
 * send time and its latency is measured from then, so a server that falls behind shows it (no
 * coordinated omission). Closed loop: a fixed number of requests in flight, for the ceiling.
 */
final class WebhookLoad implements AutoCloseable {

    static final String PATH = "/webhooks/sms/twilio";

    record Result(String label, int offered, int accepted, int failed, double seconds, double p50, double p99, double max) {
        double acceptedPerSecond() {
            return accepted / seconds;
        }
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient client;

    WebhookLoad(int port, int connections) {
        client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
                .setKeepAlive(true).setPipelining(false).setConnectTimeout(5000),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    }

    /** Sends {@code requests} at {@code rate} per second. */
    Result openLoop(String label, SignedSms.Request[] requests, int rate) throws InterruptedException {
        Latencies latencies = new Latencies(requests.length);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(requests.length);
        AtomicInteger next = new AtomicInteger();
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 5_000_000;
        AtomicLong lastEnd = new AtomicLong(start);
        long timer = vertx.setPeriodic(1, id -> {
            long due = Math.min(requests.length, (System.nanoTime() - start) / intervalNanos + 1);
            while (next.get() < due) {
                int i = next.getAndIncrement();
                send(requests[i], start + i * intervalNanos, latencies, accepted, failed, done, lastEnd);
            }
        });
        boolean finished = done.await(requests.length / rate + 120, TimeUnit.SECONDS);
        vertx.cancelTimer(timer);
        double seconds = (lastEnd.get() - start) / 1e9;
        return result(label, requests.length, accepted, failed, finished, seconds, latencies);
    }

    /** Keeps {@code inFlight} requests going until all are answered. */
    Result closedLoop(String label, SignedSms.Request[] requests, int inFlight) throws InterruptedException {
        Latencies latencies = new Latencies(requests.length);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(requests.length);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        AtomicLong lastEnd = new AtomicLong(start);
        Runnable[] loop = new Runnable[1];
        loop[0] = () -> {
            int i = next.getAndIncrement();
            if (i < requests.length) {
                sendThen(requests[i], System.nanoTime(), latencies, accepted, failed, done, lastEnd, loop[0]);
            }
        };
        for (int i = 0; i < inFlight; i++) {
            vertx.runOnContext(nothing -> loop[0].run());
        }
        boolean finished = done.await(300, TimeUnit.SECONDS);
        double seconds = (lastEnd.get() - start) / 1e9;
        return result(label, requests.length, accepted, failed, finished, seconds, latencies);
    }

    private void send(SignedSms.Request request, long intended, Latencies latencies, AtomicInteger accepted,
            AtomicInteger failed, CountDownLatch done, AtomicLong lastEnd) {
        sendThen(request, intended, latencies, accepted, failed, done, lastEnd, () -> {
        });
    }

    private void sendThen(SignedSms.Request request, long intended, Latencies latencies, AtomicInteger accepted,
            AtomicInteger failed, CountDownLatch done, AtomicLong lastEnd, Runnable then) {
        client.request(HttpMethod.POST, PATH)
                .compose(http -> http.putHeader("Content-Type", "application/x-www-form-urlencoded")
                        .putHeader("X-Twilio-Signature", request.signature())
                        .send(Buffer.buffer(request.body()))
                        .compose(response -> response.body().map(body -> response.statusCode())))
                .onComplete(outcome -> {
                    long end = System.nanoTime();
                    latencies.record(end - intended);
                    if (outcome.succeeded() && outcome.result() == 200) {
                        accepted.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                    lastEnd.accumulateAndGet(end, Math::max);
                    done.countDown();
                    then.run();
                });
    }

    private static Result result(String label, int offered, AtomicInteger accepted, AtomicInteger failed, boolean finished,
            double seconds, Latencies latencies) {
        int unanswered = finished ? 0 : offered - accepted.get() - failed.get();
        return new Result(label, offered, accepted.get(), failed.get() + unanswered, seconds,
                latencies.percentileMillis(50), latencies.percentileMillis(99), latencies.percentileMillis(100));
    }

    @Override
    public void close() {
        client.close().toCompletionStage().toCompletableFuture().join();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
