package io.omnichannel.gateway.adapters.bench;

import io.omnichannel.gateway.localstack.LineSink;
import io.omnichannel.gateway.localstack.LocalStack;
import io.omnichannel.gateway.localstack.Ports;
import io.omnichannel.gateway.localstack.QuarkusService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The SMS webhook benchmark: the packaged adapter on a real broker, signed Twilio webhooks at
 * increasing rates (accepted messages/s, p50/p99 latency), the adapter's ceiling, and the raw
 * baseline on the same broker, all in one run: Kafka's own ProducerPerformance with the adapter's
 * record size, and a plain producer sending the adapter's own records.
 *
 * <p>{@code ./mvnw -B -pl channel-adapters -Pbench verify}; settings as system properties
 * ({@code -Dbench.rates=500,1000,2000,4000 -Dbench.seconds=10 -Dbench.raw-records=200000 -Dbench.linger-ms=1}, and
 * {@code -Dbench.adapter-jvm="-XX:StartFlightRecording=..."} to profile the adapter). Results
 * are printed and written to {@code target/bench/sms-webhook.md}.
 */
public final class SmsWebhookBenchmark {

    private static final String TOKEN = "bench-twilio-auth-token";
    private static final String RAW_TOPIC = "bench.raw.v1";

    private SmsWebhookBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] rates = Arrays.stream(System.getProperty("bench.rates", "500,1000,2000,4000,6000").split(","))
                .mapToInt(rate -> Integer.parseInt(rate.trim())).toArray();
        int seconds = Integer.getInteger("bench.seconds", 10);
        int rawRecords = Integer.getInteger("bench.raw-records", 200_000);
        int ceilingRequests = Integer.getInteger("bench.ceiling-requests", 100_000);
        int inFlight = Integer.getInteger("bench.in-flight", 64);
        int lingerMs = Integer.getInteger("bench.linger-ms", 1);
        Path module = Path.of(System.getProperty("bench.module", ".")).toAbsolutePath().normalize();
        List<String> adapterJvm = new ArrayList<>(List.of("-Xmx1g"));
        String extraJvm = System.getProperty("bench.adapter-jvm", "");
        if (!extraJvm.isBlank()) {
            adapterJvm.addAll(List.of(extraJvm.trim().split("\\s+")));
        }

        LocalStack.Options test = LocalStack.Options.forTests(List.of("adapters"));
        LocalStack.Options options = new LocalStack.Options(test.workDir(), test.kafkaPort(), test.kafkaControllerPort(),
                test.postgresPort(), test.databases(), false, List.of("-Xmx1g"), test.output());
        log("starting Kafka and PostgreSQL (logs in " + options.workDir().resolve("logs") + ")");
        try (LocalStack stack = LocalStack.start(options)) {
            createRawTopic(stack.kafkaBootstrapServers());
            int port = Ports.free();
            String publicBaseUrl = "http://localhost:" + port;
            log("starting the packaged adapter on port " + port);
            try (QuarkusService adapter = QuarkusService.start("channel-adapters", module, port, Map.of(
                            "KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers(),
                            "DB_URL", stack.jdbcUrl("adapters"),
                            "DB_USER", LocalStack.DB_USER,
                            "DB_PASSWORD", LocalStack.DB_PASSWORD,
                            "PUBLIC_BASE_URL", publicBaseUrl,
                            "TWILIO_AUTH_TOKEN", TOKEN,
                            "ADAPTERS_INBOUND_LINGER", lingerMs + "ms"),
                    adapterJvm, LineSink.files(options.workDir().resolve("logs")));
                    WebhookLoad load = new WebhookLoad(port, 256)) {
                adapter.awaitReady(Duration.ofMinutes(2));
                SignedSms sms = new SignedSms(TOKEN, publicBaseUrl + WebhookLoad.PATH);
                List<WebhookLoad.Result> results = new ArrayList<>();

                log("warming up");
                load.closedLoop("warm-up", sms.prepare(60_000), inFlight);
                load.openLoop("warm-up", sms.prepare(10_000), 2000);
                RawProducerLoop.run(stack.kafkaBootstrapServers(), RAW_TOPIC, rawRecords / 4, lingerMs);

                int recordBytes = RawProducerLoop.size(RawProducerLoop.record(RAW_TOPIC, 0));
                ProducerPerformanceBaseline.Result rawBefore = ProducerPerformanceBaseline.run(stack.kafkaBootstrapServers(),
                        RAW_TOPIC, rawRecords, recordBytes, lingerMs);
                log(String.format("ProducerPerformance: %.0f records/s", rawBefore.perSecond()));
                for (int rate : rates) {
                    WebhookLoad.Result result = load.openLoop(rate + "/s", sms.prepare(rate * seconds), rate);
                    results.add(result);
                    log(line(result));
                }
                WebhookLoad.Result ceiling = load.closedLoop(inFlight + " in flight", sms.prepare(ceilingRequests), inFlight);
                log(line(ceiling));
                ProducerPerformanceBaseline.Result rawAfter = ProducerPerformanceBaseline.run(stack.kafkaBootstrapServers(),
                        RAW_TOPIC, rawRecords, recordBytes, lingerMs);
                log(String.format("ProducerPerformance: %.0f records/s", rawAfter.perSecond()));
                RawProducerLoop.Result adapterShaped = RawProducerLoop.run(stack.kafkaBootstrapServers(), RAW_TOPIC, rawRecords, lingerMs);
                log(String.format("plain producer with the adapter's records: %.0f records/s", adapterShaped.perSecond()));

                report(results, ceiling, rawBefore, rawAfter, adapterShaped, seconds, inFlight, lingerMs);
            }
        }
        System.exit(0);
    }

    private static void report(List<WebhookLoad.Result> rates, WebhookLoad.Result ceiling,
            ProducerPerformanceBaseline.Result rawBefore, ProducerPerformanceBaseline.Result rawAfter,
            RawProducerLoop.Result adapterShaped, int seconds, int inFlight, int lingerMs) throws IOException {
        double raw = Math.max(rawBefore.perSecond(), rawAfter.perSecond());
        StringBuilder out = new StringBuilder();
        out.append("SMS webhook benchmark, ").append(Instant.now()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(", load average ")
                .append(String.format("%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
                .append(", producer linger ").append(lingerMs).append(" ms (adapter and raw)\n\n");
        out.append("| load | offered | accepted | failed | accepted msg/s | p50 ms | p99 ms | max ms |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (WebhookLoad.Result result : rates) {
            out.append(row("open loop " + result.label() + " for " + seconds + " s", result));
        }
        out.append(row("closed loop, " + inFlight + " in flight", ceiling));
        out.append(String.format("%nKafka's ProducerPerformance (acks=all, idempotent, linger %d ms, %d-byte records, same broker): "
                        + "%.0f records/s (p50 %d ms, p99 %d ms) before, %.0f (p50 %d ms, p99 %d ms) after the webhook runs.%n",
                lingerMs, rawBefore.recordBytes(), rawBefore.perSecond(), rawBefore.p50Ms(), rawBefore.p99Ms(),
                rawAfter.perSecond(), rawAfter.p50Ms(), rawAfter.p99Ms()));
        out.append(String.format("A plain producer sending the adapter's own records (CloudEvent headers and JSON, %d bytes): "
                + "%.0f records/s.%n", adapterShaped.recordBytes(), adapterShaped.perSecond()));
        out.append(String.format("Adapter ceiling %.0f msg/s = %.0f%% of ProducerPerformance's %.0f records/s (goal: 30%%).%n",
                ceiling.acceptedPerSecond(), 100 * ceiling.acceptedPerSecond() / raw, raw));
        System.out.println("\n" + out);
        Path file = Path.of("target", "bench", "sms-webhook.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
    }

    private static String row(String label, WebhookLoad.Result result) {
        return String.format("| %s | %d | %d | %d | %.0f | %.1f | %.1f | %.1f |%n", label, result.offered(), result.accepted(),
                result.failed(), result.acceptedPerSecond(), result.p50(), result.p99(), result.max());
    }

    private static String line(WebhookLoad.Result result) {
        return String.format("%s: %.0f accepted/s, %d failed, p50 %.1f ms, p99 %.1f ms", result.label(),
                result.acceptedPerSecond(), result.failed(), result.p50(), result.p99());
    }

    private static void createRawTopic(String bootstrapServers) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            admin.createTopics(List.of(new NewTopic(RAW_TOPIC, LocalStack.PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static void log(String line) {
        System.out.println("[bench] " + line);
    }
}
