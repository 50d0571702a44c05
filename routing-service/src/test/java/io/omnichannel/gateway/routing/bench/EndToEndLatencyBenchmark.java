package io.omnichannel.gateway.routing.bench;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.CloudEventRecords;
import io.omnichannel.gateway.contract.CustomerRef;
import io.omnichannel.gateway.contract.EventTypes;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.contract.MessageIds;
import io.omnichannel.gateway.contract.RoutingEvent;
import io.omnichannel.gateway.contract.RoutingEventType;
import io.omnichannel.gateway.contract.Topics;
import io.omnichannel.gateway.localstack.LineSink;
import io.omnichannel.gateway.localstack.LocalStack;
import io.omnichannel.gateway.localstack.Ports;
import io.omnichannel.gateway.localstack.QuarkusService;
import io.omnichannel.gateway.localstack.StatementStats;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * End-to-end latency of the packaged routing service: an inbound message event on
 * {@code gateway.inbound.v1} until its {@code assigned} event on {@code gateway.routing.v1}, open
 * loop at increasing rates, with enough ONLINE agents that every message is assigned at once (SMS,
 * auto-accepted). The baseline, in the same run on the same broker: the same records produced to a
 * plain topic and consumed back (the raw Kafka round trip), at the same rates. The run stops after
 * the first rate the service did not keep up with (not every message assigned within 15 s of
 * the last one sent).
 *
 * <p>{@code ./mvnw -B -pl routing-service -Pbench verify}; settings as system properties
 * ({@code -Dbench.rates=250,500,1000,2000 -Dbench.seconds=10 -Dbench.linger-ms=1 -Dbench.warmup=120000 -Dbench.warmup-rate=1000}, and
 * {@code -Dbench.service-jvm="..."} for the service's JVM). Results are printed and written to
 * {@code target/bench/end-to-end.md}.
 */
public final class EndToEndLatencyBenchmark {

    private static final String RAW_TOPIC = "bench.raw.v1";
    private static final String INBOX = "+15550001111";
    private static final int CAPACITY = 50;
    private static final String ASSIGNED_TYPE = RoutingEventType.ASSIGNED.cloudEventType();

    private EndToEndLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] rates = Arrays.stream(System.getProperty("bench.rates", "250,500,1000,2000").split(","))
                .mapToInt(rate -> Integer.parseInt(rate.trim())).toArray();
        int seconds = Integer.getInteger("bench.seconds", 10);
        int lingerMs = Integer.getInteger("bench.linger-ms", 1);
        // long enough for the service's JIT compilers to settle: code run once per poll or pass (a few thousand times a
        // minute) is compiled by C2 only after a minute or more, and compiling it takes a good part of the 2 cores
        int warmUp = Integer.getInteger("bench.warmup", 120_000);
        int warmUpRate = Integer.getInteger("bench.warmup-rate", 1000);
        // the raw round trip runs no service: a few seconds warm the harness and the broker
        int rawWarmUp = Math.min(warmUp, 10 * warmUpRate);
        Path module = Path.of(System.getProperty("bench.module", ".")).toAbsolutePath().normalize();
        List<String> serviceJvm = new ArrayList<>(List.of("-Xmx1g"));
        String extraJvm = System.getProperty("bench.service-jvm", "");
        if (!extraJvm.isBlank()) {
            serviceJvm.addAll(List.of(extraJvm.trim().split("\\s+")));
        }
        int messages = warmUp + Arrays.stream(rates).sum() * seconds;
        int agents = messages / CAPACITY + 1;

        LocalStack.Options test = LocalStack.Options.forTests(List.of("routing"));
        LocalStack.Options options = new LocalStack.Options(test.workDir(), test.kafkaPort(), test.kafkaControllerPort(),
                test.postgresPort(), test.databases(), false, List.of("-Xmx1g"), test.output());
        log("starting Kafka and PostgreSQL (logs in " + options.workDir().resolve("logs") + ")");
        try (LocalStack stack = LocalStack.start(options)) {
            createRawTopic(stack.kafkaBootstrapServers());
            int port = Ports.free();
            log("starting the packaged routing service on port " + port);
            try (QuarkusService service = QuarkusService.start("routing-service", module, port, Map.of(
                            "KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers(),
                            "DB_URL", stack.jdbcUrl("routing"),
                            "DB_USER", LocalStack.DB_USER,
                            "DB_PASSWORD", LocalStack.DB_PASSWORD),
                    serviceJvm, LineSink.files(options.workDir().resolve("logs")));
                    OpenLoop endToEnd = new OpenLoop(stack.kafkaBootstrapServers(), Topics.ROUTING, lingerMs);
                    OpenLoop raw = new OpenLoop(stack.kafkaBootstrapServers(), RAW_TOPIC, lingerMs)) {
                service.awaitReady(Duration.ofMinutes(2));
                log("registering " + agents + " ONLINE agents with " + CAPACITY + " SMS slots each");
                registerAgents(service.url(), agents);
                OpenLoop.Matcher assigned = EndToEndLatencyBenchmark::assignedConversation;
                OpenLoop.Matcher sameRecord = ConsumerRecord::key;
                Duration patience = Duration.ofSeconds(15);

                log("warming up");
                log(line(endToEnd.run("warm-up", inbound(Topics.INBOUND, warmUp), warmUpRate, assigned, patience)));
                log(line(raw.run("warm-up raw", inbound(RAW_TOPIC, rawWarmUp), warmUpRate, sameRecord, patience)));
                StatementStats statements = new StatementStats(stack.jdbcUrl("routing"));
                statements.reset();
                List<OpenLoop.Result[]> results = new ArrayList<>();
                for (int rate : rates) {
                    OpenLoop.Result measured = endToEnd.run(rate + "/s", inbound(Topics.INBOUND, rate * seconds), rate, assigned, patience);
                    log(line(measured));
                    OpenLoop.Result baseline = raw.run(rate + "/s raw", inbound(RAW_TOPIC, rate * seconds), rate, sameRecord, patience);
                    log(line(baseline));
                    results.add(new OpenLoop.Result[] {measured, baseline});
                    if (measured.answered() < measured.sent()) {
                        // past the ceiling: a higher rate would only measure the backlog this one left
                        log("stopping: the service did not keep up with " + rate + "/s");
                        break;
                    }
                }
                report(results, seconds, lingerMs, agents, statements.top(12), stageFigures(service.url()));
            }
        }
        System.exit(0);
    }

    private static String assignedConversation(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader("ce_type");
        if (type == null || !ASSIGNED_TYPE.equals(new String(type.value(), StandardCharsets.UTF_8))) {
            // the other events (queued, above all) are not parsed: the harness shares the cores with the service
            return null;
        }
        RoutingEvent event = CloudEventRecords.data(CloudEventRecords.read(record), RoutingEvent.class);
        return event.type() == RoutingEventType.ASSIGNED ? event.conversationKey() : null;
    }

    /** One new conversation per record, as channel-adapters publishes them (CloudEvent headers, JSON data). */
    private static List<ProducerRecord<String, byte[]>> inbound(String topic, int count) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String externalId = "SM" + java.util.UUID.randomUUID().toString().replace("-", "");
            String customer = "+1415" + externalId.substring(2, 12);
            InboundMessage message = new InboundMessage(MessageIds.forProviderMessage("twilio", INBOX, externalId),
                    Channel.SMS, "twilio", INBOX, externalId, null, new CustomerRef(customer, null), null, Instant.now(),
                    null, "Hi, my order has not arrived yet", null, null, null, null);
            records.add(CloudEventRecords.record(topic, message.conversationKey(), message.id(), EventTypes.INBOUND_MESSAGE,
                    URI.create("/channel-adapters/sms/twilio"), message.receivedAt(), message));
        }
        return records;
    }

    private static void registerAgents(String baseUrl, int count) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < count; i++) {
            String id = "agent-" + i;
            send(http, baseUrl + "/api/v1/agents/" + id,
                    "{\"name\":\"Agent " + i + "\",\"channels\":{\"sms\":" + CAPACITY + "}}", 201);
            send(http, baseUrl + "/api/v1/agents/" + id + "/presence", "{\"presence\":\"ONLINE\"}", 200);
        }
    }

    private static void send(HttpClient http, String url, String json, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("PUT " + url + ": " + response.statusCode() + " " + response.body());
        }
    }

    private static void report(List<OpenLoop.Result[]> results, int seconds, int lingerMs, int agents, String statements,
            String stages) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("End-to-end routing benchmark, ").append(Instant.now()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(", load average ")
                .append(String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
                .append(", ").append(agents).append(" ONLINE agents, producer linger ").append(lingerMs).append(" ms\n\n");
        out.append("| rate (open loop, ").append(seconds).append(" s) | sent | assigned | p50 ms | p99 ms | max ms "
                + "| raw p50 ms | raw p99 ms | raw max ms | p99 / raw p99 |\n");
        out.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (OpenLoop.Result[] pair : results) {
            OpenLoop.Result service = pair[0];
            OpenLoop.Result raw = pair[1];
            out.append(String.format("| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f x |%n", service.label(),
                    service.sent(), service.answered(), service.p50(), service.p99(), service.max(), raw.p50(), raw.p99(),
                    raw.max(), service.p99() / raw.p99()));
        }
        out.append("\nThe service's stages over the whole run, warm-up included (`gateway_routing_stage_duration_seconds`; "
                + "p50 and p99 are the upper bounds of their histogram buckets):\n\n").append(stages);
        out.append("\nThe routing database's costliest statements over the measured rates (pg_stat_statements):\n\n")
                .append(statements);
        System.out.println("\n" + out);
        Path file = Path.of("target", "bench", "end-to-end.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
    }

    /** Runs, mean, p50, p99 and max of each stage, read from the service's Prometheus endpoint. */
    private static String stageFigures(String baseUrl) throws IOException, InterruptedException {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        StringBuilder table = new StringBuilder("| stage | runs | mean ms | p50 ms | p99 ms | max ms |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (String stage : List.of("fetch", "queue", "assign", "publish")) {
            String selector = "stage=\"" + stage + "\"";
            double count = metric(metrics, "gateway_routing_stage_duration_seconds_count", selector);
            double sum = metric(metrics, "gateway_routing_stage_duration_seconds_sum", selector);
            double max = metric(metrics, "gateway_routing_stage_duration_seconds_max", selector);
            table.append(String.format("| %s | %,.0f | %.1f | %s | %s | %.1f |%n", stage, count, count == 0 ? 0 : 1000 * sum / count,
                    bucketBound(metrics, selector, count * 0.5), bucketBound(metrics, selector, count * 0.99), 1000 * max));
        }
        return table.toString();
    }

    private static double metric(String metrics, String name, String selector) {
        return metrics.lines().filter(line -> line.startsWith(name + "{") && line.contains(selector))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst().orElse(0);
    }

    /** The smallest histogram bucket bound (ms) holding at least {@code rank} runs. */
    private static String bucketBound(String metrics, String selector, double rank) {
        return metrics.lines().filter(line -> line.startsWith("gateway_routing_stage_duration_seconds_bucket{") && line.contains(selector))
                .filter(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) >= rank)
                .map(line -> line.replaceAll(".*le=\"([^\"]+)\".*", "$1"))
                .mapToDouble(bound -> bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound) * 1000)
                .min().stream().mapToObj(bound -> String.format("%.1f", bound)).findFirst().orElse("–");
    }

    private static String line(OpenLoop.Result result) {
        return String.format("%s: %d of %d answered, p50 %.1f ms, p99 %.1f ms, max %.1f ms", result.label(), result.answered(),
                result.sent(), result.p50(), result.p99(), result.max());
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
