package io.omnichannel.gateway.conversation.bench;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.CloudEventRecords;
import io.omnichannel.gateway.contract.CustomerRef;
import io.omnichannel.gateway.contract.EventTypes;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.contract.Topics;
import io.omnichannel.gateway.localstack.LocalStack;
import io.omnichannel.gateway.localstack.Ports;
import io.omnichannel.gateway.localstack.QuarkusService;
import io.omnichannel.gateway.localstack.StatementStats;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The conversation service's benchmark, in one run on one machine:
 * <ol>
 * <li>a bare JDBC batch insert of messages into the same PostgreSQL (the baseline);</li>
 * <li>inbound messages published to gateway.inbound.v1 at increasing rates: messages persisted per second
 * and the lag from publication to the message being queryable (its row committed);</li>
 * <li>with 1 million stored messages, GET my conversations by 100 concurrent desktops: latency percentiles.</li>
 * </ol>
 * {@code ./mvnw -B -pl conversation-service -Pbench verify}; settings as system properties
 * ({@code -Dbench.rates=1000,2500,5000,8000 -Dbench.seconds=10 -Dbench.warmup-seconds=10 -Dbench.messages=1000000
 * -Dbench.clients=100 -Dbench.list-seconds=30 -Dbench.parts=ingest,list -Dbench.service-jvm="-Xmx1g ..."}). The plan
 * is printed first; results are printed and written to {@code target/bench/conversation.md}.
 */
public final class ConversationBenchmark {

    private static final String INBOX = "bench-widget";

    private ConversationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] rates = Arrays.stream(System.getProperty("bench.rates", "1000,2500,5000,8000").split(","))
                .mapToInt(rate -> Integer.parseInt(rate.trim())).toArray();
        int seconds = Integer.getInteger("bench.seconds", 10);
        int warmupSeconds = Integer.getInteger("bench.warmup-seconds", 10);
        int warmupRate = Integer.getInteger("bench.warmup-rate", 1_000);
        int baselineRows = Integer.getInteger("bench.baseline-rows", 200_000);
        int customers = Integer.getInteger("bench.customers", 2_000);
        int storedMessages = Integer.getInteger("bench.messages", 1_000_000);
        int clients = Integer.getInteger("bench.clients", 100);
        int listSeconds = Integer.getInteger("bench.list-seconds", 30);
        int probeMillis = Integer.getInteger("bench.probe-millis", 100);
        Set<String> parts = Set.of(System.getProperty("bench.parts", "ingest,list").split(","));
        List<String> serviceJvm = Arrays.stream(System.getProperty("bench.service-jvm", "-Xmx1g").trim().split("\\s+"))
                .filter(option -> !option.isEmpty()).toList();
        Path module = Path.of(System.getProperty("bench.module", ".")).toAbsolutePath().normalize();

        String plan = String.format("""
                parts %s; service JVM %s
                baseline: %,d rows, bare JDBC batches of 500
                warm-up: %d s at %,d msg/s (%d customers of their own: new conversations, then live ones), not measured
                opening: first messages of %,d new customers at %,d msg/s
                live conversations: %s msg/s offered, %d s each (open loop, messages paced to their send times)
                lag: every 47th message and the last, probed every %d ms while publishing and after
                list: %,d stored messages; 1 desktop back to back, %d desktops one request/s each, %d desktops back to back;
                      %d s each after a 5 s warm-up""", String.join(",", parts), String.join(" ", serviceJvm), baselineRows,
                warmupSeconds, warmupRate, Math.max(1, warmupRate / 2), customers, Math.min(customers, 1_000),
                Arrays.toString(rates), seconds, probeMillis, storedMessages, clients, clients, listSeconds);
        log("plan:\n" + plan);

        LocalStack.Options test = LocalStack.Options.forTests(List.of("conversation"));
        LocalStack.Options options = new LocalStack.Options(test.workDir(), test.kafkaPort(), test.kafkaControllerPort(),
                test.postgresPort(), test.databases(), false, List.of("-Xmx1g"), test.output());
        StringBuilder report = new StringBuilder();
        report.append("Plan:\n\n```\n").append(plan).append("\n```\n\n");
        log("starting Kafka and PostgreSQL (logs in " + options.workDir().resolve("logs") + ")");
        try (LocalStack stack = LocalStack.start(options)) {
            Map<String, String> environment = new HashMap<>();
            environment.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
            environment.put("DB_URL", stack.jdbcUrl("conversation"));
            environment.put("DB_USER", LocalStack.DB_USER);
            environment.put("DB_PASSWORD", LocalStack.DB_PASSWORD);
            environment.put("ROUTING_URL", "http://127.0.0.1:9");
            environment.put("JWT_PUBLIC_KEY_LOCATION", module.resolve("dev-keys/public.pem").toString());
            int port = Ports.free();
            log("starting the packaged conversation-service on port " + port);
            try (QuarkusService service = QuarkusService.start("conversation-service", module, port, environment,
                    serviceJvm, test.output());
                    KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                            ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 2,
                            ProducerConfig.BATCH_SIZE_CONFIG, 65_536), new StringSerializer(), new ByteArraySerializer())) {
                service.awaitReady(Duration.ofMinutes(3));
                String jdbc = stack.jdbcUrl("conversation");
                Ingest ingest = new Ingest(producer, jdbc, probeMillis);

                if (parts.contains("ingest")) {
                    double baseline = jdbcBaseline(jdbc, baselineRows);
                    report.append(String.format("Load average before the inbound part: %s%n%n", loadAverage()));
                    String run = UUID.randomUUID().toString().substring(0, 8);
                    if (warmupSeconds > 0) {
                        // the consumer's first partition assignment, class loading and JIT of both paths: not measured
                        int warmCustomers = Math.max(1, warmupRate / 2);
                        log("warm-up");
                        ingest.run("warm-" + run, warmCustomers, Math.min(warmupRate, warmCustomers), 1);
                        ingest.run("warm-" + run, warmCustomers, warmupRate, warmupSeconds);
                    }
                    StatementStats statements = new StatementStats(jdbc);
                    statements.reset();
                    // first messages of new customers: each opens a conversation (customer, identity, conversation rows)
                    IngestResult opening = ingest.run(run, customers, Math.min(customers, 1_000), Math.max(1, customers / 1_000));
                    report.append("## Inbound messages persisted\n\n")
                            .append(String.format("Bare JDBC batch insert into `message` (same PostgreSQL, batches of 500): "
                                    + "**%,.0f rows/s**%n%n", baseline))
                            .append(String.format("First messages of %,d new customers (each opens a customer, an identity and a "
                                    + "conversation): **%,.0f msg/s** (%.2f × baseline), lag p50 %d ms, p99 %d ms%n%n", customers,
                                    opening.persisted(), opening.persisted() / baseline, opening.lag().percentile(50),
                                    opening.lag().percentile(99)))
                            .append(String.format("Then messages of those customers into their live conversations "
                                    + "(lag = intended send time to the row being committed, sampled while publishing):%n%n"))
                            .append("(saturated: every message was stored within twice the publishing time, but slower "
                                    + "than offered: the figure is the service's ceiling.)\n\n")
                            .append("| offered msg/s | published msg/s | persisted msg/s | × JDBC baseline | lag p50 | lag p99 "
                                    + "| lag max | load avg after |\n")
                            .append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
                    for (int rate : rates) {
                        IngestResult result = ingest.run(run, customers, rate, seconds);
                        report.append(String.format("| %,d | %,.0f | %,.0f%s | %.2f | %d ms | %d ms | %d ms | %s |%n", rate,
                                result.published(), result.persisted(), !result.complete() ? " (backlog)"
                                        : result.persisted() < 0.9 * rate ? " (saturated)" : "",
                                result.persisted() / baseline, result.lag().percentile(50), result.lag().percentile(99),
                                result.lag().max(), loadAverage()));
                        log(report.toString());
                        if (!result.complete()) {
                            report.append("\nHigher rates not run: the service did not keep up with this one (the figure is "
                                    + "its ceiling; lags include the backlog's drain).\n");
                            break;
                        }
                    }
                    report.append("\nThe conversation database's costliest statements over the inbound part (pg_stat_statements):\n\n")
                            .append(statements.top(12));
                }

                if (parts.contains("list")) {
                    log("seeding " + storedMessages + " stored messages");
                    long seeded = seed(jdbc, storedMessages, clients);
                    PrivateKey key = KeyUtils.decodePrivateKey(Files.readString(module.resolve("dev-keys/private.pem")));
                    report.append(String.format("%n## GET my conversations (`assignee=me&status=open,pending&limit=50`), "
                            + "%,d stored messages%n%n", seeded))
                            .append("| desktops | each sends | requests | requests/s | p50 | p95 | p99 | max | errors "
                                    + "| load avg after |\n")
                            .append("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
                    for (int[] load : new int[][] {{1, 0}, {clients, 1000}, {clients, 0}}) {
                        Latencies list = listLoad(service.url(), key, load[0], listSeconds, load[1]);
                        report.append(String.format("| %d | %s | %,d | %,.0f | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %d | %s |%n",
                                load[0], load[1] == 0 ? "back to back" : "one request per " + load[1] + " ms", list.count(),
                                list.count() / (double) listSeconds, list.percentileMicros(50) / 1000.0,
                                list.percentileMicros(95) / 1000.0, list.percentileMicros(99) / 1000.0,
                                list.maxMicros() / 1000.0, list.errors(), loadAverage()));
                        log(report.toString());
                    }
                }
            }
        }
        String text = "# conversation-service benchmark (" + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores)\n\n" + report;
        Path out = module.resolve("target/bench/conversation.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
        log("\n" + text + "\nwritten to " + out);
        // the load generators' HTTP client threads must not keep the JVM alive
        System.exit(0);
    }

    /** The machine's 1, 5 and 15 minute load averages. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (java.io.IOException e) {
            return "n/a";
        }
    }

    // ------------------------------------------------------------------------------------------------

    private static double jdbcBaseline(String jdbc, int rows) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc, LocalStack.DB_USER, LocalStack.DB_PASSWORD)) {
            try (Statement statement = db.createStatement()) {
                // the same columns, defaults and indexes as the service's message table, without its foreign key
                statement.execute("CREATE TABLE bench_message (LIKE message INCLUDING DEFAULTS INCLUDING INDEXES)");
            }
            db.setAutoCommit(false);
            UUID conversation = UUID.randomUUID();
            long start = System.nanoTime();
            try (PreparedStatement insert = db.prepareStatement("""
                    INSERT INTO bench_message (id, conversation_id, direction, channel, inbox, provider, external_id, text,
                                               sent_at, received_at, attachments)
                    VALUES (?, ?, 'inbound', 'chat', ?, 'webchat', ?, ?, ?, ?, '[]'::jsonb)""")) {
                for (int i = 1; i <= rows; i++) {
                    Instant now = Instant.now();
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setObject(2, conversation);
                    insert.setString(3, INBOX);
                    insert.setString(4, "ext-" + i);
                    insert.setString(5, "baseline message " + i + " about my parcel");
                    insert.setObject(6, java.sql.Timestamp.from(now));
                    insert.setObject(7, java.sql.Timestamp.from(now));
                    insert.addBatch();
                    if (i % 500 == 0) {
                        insert.executeBatch();
                        db.commit();
                    }
                }
                insert.executeBatch();
                db.commit();
            }
            double perSecond = rows / ((System.nanoTime() - start) / 1e9);
            log(String.format("JDBC baseline: %,d rows in batches of 500: %,.0f rows/s", rows, perSecond));
            return perSecond;
        }
    }

    record IngestResult(double published, double persisted, boolean complete, Latencies.Millis lag) {
    }

    /**
     * Publishes inbound messages open loop and watches them become rows. Every 47th message (47 is prime to
     * the customer counts, so the samples spread over conversations and partitions) and the last one are
     * sampled: a probe thread looks them up by primary key every {@code probeMillis} while publishing and
     * after, so the lag is measured under load and the probe itself costs the database next to nothing.
     */
    private static final class Ingest {

        private static final int SAMPLE_EVERY = 47;

        private final KafkaProducer<String, byte[]> producer;
        private final String jdbc;
        private final int probeMillis;

        Ingest(KafkaProducer<String, byte[]> producer, String jdbc, int probeMillis) {
            this.producer = producer;
            this.jdbc = jdbc;
            this.probeMillis = probeMillis;
        }

        /** Publishes {@code rate} messages/s for {@code seconds}, from {@code customers} customers of the run. */
        IngestResult run(String run, int customers, int rate, int seconds) throws Exception {
            int total = rate * seconds;
            Map<String, Long> sampleDueAt = new ConcurrentHashMap<>();
            Map<String, Long> sampleSeenAt = new ConcurrentHashMap<>();
            ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "bench-probe");
                thread.setDaemon(true);
                return thread;
            });
            try (Connection db = DriverManager.getConnection(jdbc, LocalStack.DB_USER, LocalStack.DB_PASSWORD);
                    Connection probeDb = DriverManager.getConnection(jdbc, LocalStack.DB_USER, LocalStack.DB_PASSWORD)) {
                try (Statement setting = probeDb.createStatement()) {
                    // as the service's connections: a generic plan cached while the table was small would scan it whole
                    setting.execute("SET plan_cache_mode = force_custom_plan");
                }
                long before = count(db);
                probe.scheduleWithFixedDelay(() -> {
                    try {
                        watchSamples(probeDb, sampleDueAt, sampleSeenAt);
                    } catch (Exception e) {
                        log("probe failed: " + e);
                    }
                }, probeMillis, probeMillis, TimeUnit.MILLISECONDS);
                double periodNanos = 1e9 / rate;
                long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
                long maxBehind = 0;
                for (int i = 0; i < total; i++) {
                    long due = start + (long) (i * periodNanos);
                    long wait = due - System.nanoTime();
                    // park towards the intended send time; a message that is late (parkNanos overshoots by tens of
                    // microseconds) goes at once, so the offered rate holds on average
                    while (wait > 0) {
                        LockSupport.parkNanos(wait);
                        wait = due - System.nanoTime();
                    }
                    maxBehind = Math.max(maxBehind, -wait);
                    String handle = "bench-" + run + "-" + (i % customers);
                    Instant now = Instant.now();
                    InboundMessage message = new InboundMessage(UUID.randomUUID().toString(), Channel.CHAT, "webchat", INBOX,
                            "ext-" + UUID.randomUUID(), null, new CustomerRef(handle, "Customer " + (i % customers)), now, now,
                            null, "message " + i + ": where is my parcel?", null, List.of(), "en", Map.of());
                    if (i % SAMPLE_EVERY == 0 || i == total - 1) {
                        // the intended send time: a publisher that falls behind shows up in the lag, not hidden by it
                        sampleDueAt.put(message.id(), due);
                    }
                    producer.send(CloudEventRecords.record(Topics.INBOUND, message.conversationKey(), message.id(),
                            EventTypes.INBOUND_MESSAGE, URI.create("/bench"), now, message));
                }
                producer.flush();
                long published = System.nanoTime();
                double publishSeconds = (published - start) / 1e9;
                // a backlog that takes more than twice the publishing time to clear means the rate is above the ceiling
                long deadline = start + TimeUnit.SECONDS.toNanos(seconds * 3L);
                long stored = 0;
                long doneAt = 0;
                boolean firstCheck = true;
                while (System.nanoTime() < deadline) {
                    if (sampleSeenAt.size() == sampleDueAt.size()) {
                        // every sample is stored: check the exact count (once, or a few times if a partition lags)
                        stored = count(db) - before;
                        if (stored >= total) {
                            doneAt = firstCheck ? sampleSeenAt.values().stream().mapToLong(Long::longValue).max()
                                    .orElse(published) : System.nanoTime();
                            break;
                        }
                        firstCheck = false;
                    }
                    Thread.sleep(probeMillis);
                }
                boolean complete = doneAt != 0;
                if (!complete) {
                    doneAt = System.nanoTime();
                    stored = count(db) - before;
                }
                double elapsed = (doneAt - start) / 1e9;
                double persisted = stored / elapsed;
                if (!complete) {
                    log("backlog: waiting for it to clear before the next measurement");
                    long drainDeadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
                    while (count(db) - before < total && System.nanoTime() < drainDeadline) {
                        Thread.sleep(1_000);
                    }
                    Thread.sleep(2L * probeMillis);
                }
                probe.shutdown();
                probe.awaitTermination(10, TimeUnit.SECONDS);
                Latencies.Millis lag = new Latencies.Millis();
                sampleSeenAt.forEach((id, seen) -> lag.add((seen - sampleDueAt.get(id)) / 1_000_000));
                log(String.format("offered %,d msg/s for %ds (published in %.1fs, at most %.1f ms behind schedule): %,d stored "
                        + "in %.1fs = %,.0f msg/s; lag p50 %d ms, p99 %d ms, max %d ms (%d samples); load %s", rate, seconds,
                        publishSeconds, maxBehind / 1e6, stored, elapsed, persisted, lag.percentile(50), lag.percentile(99),
                        lag.max(), sampleSeenAt.size(), loadAverage()));
                return new IngestResult(total / publishSeconds, persisted, complete, lag);
            } finally {
                probe.shutdownNow();
            }
        }
    }

    private static void watchSamples(Connection db, Map<String, Long> sentAt, Map<String, Long> seenAt) throws Exception {
        List<String> waiting = sentAt.keySet().stream().filter(id -> !seenAt.containsKey(id)).toList();
        if (waiting.isEmpty()) {
            return;
        }
        try (PreparedStatement select = db.prepareStatement("SELECT id FROM message WHERE id = ANY(?)")) {
            select.setArray(1, db.createArrayOf("text", waiting.toArray()));
            long now = System.nanoTime();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    seenAt.putIfAbsent(rows.getString(1), now);
                }
            }
        }
    }

    private static long count(Connection db) throws Exception {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery("SELECT count(*) FROM message")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Fills the database up to {@code messages} messages in 20-message conversations spread over
     * {@code agents} agents (each agent's conversations: a third open, a third pending, a third resolved).
     */
    private static long seed(String jdbc, int messages, int agents) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc, LocalStack.DB_USER, LocalStack.DB_PASSWORD);
                Statement sql = db.createStatement()) {
            long existing = count(db);
            int conversations = (int) Math.max(0, (messages - existing) / 20);
            long start = System.nanoTime();
            sql.execute("CREATE TEMP TABLE seed AS SELECT g AS n, gen_random_uuid() AS customer, gen_random_uuid() AS identity,"
                    + " gen_random_uuid() AS conversation FROM generate_series(1, " + conversations + ") g");
            sql.execute("INSERT INTO customer (id, display_name, first_contact_at) SELECT customer, 'Seeded ' || n,"
                    + " now() - (n || ' minutes')::interval FROM seed");
            sql.execute("INSERT INTO customer_identity (id, customer_id, kind, value, verified, linked_by, created_at)"
                    + " SELECT identity, customer, 'chat-visitor', 'seed-' || n, false, 'auto', now() FROM seed");
            sql.execute("INSERT INTO conversation (id, conversation_key, customer_id, identity_id, customer_handle, channel,"
                    + " inbox, provider, status, priority, assignee_agent_id, team_id, due_at, sla_state, created_at, updated_at,"
                    + " last_message_at, resolved_at)"
                    + " SELECT conversation, 'chat:seed-inbox:seed-' || n, customer, identity, 'seed-' || n, 'chat', 'seed-inbox',"
                    + " 'webchat', (ARRAY['open','pending','resolved'])[n % 3 + 1], 'normal', 'bench-agent-' || (n % " + agents + "),"
                    + " 'bench-team-' || (n % 10), now() + (n % 600 || ' seconds')::interval, 'ok',"
                    + " now() - (n || ' seconds')::interval, now() - (n || ' seconds')::interval, now() - (n || ' seconds')::interval,"
                    + " CASE WHEN n % 3 = 2 THEN now() ELSE NULL END FROM seed");
            sql.execute("INSERT INTO message (id, conversation_id, direction, channel, inbox, provider, external_id, text,"
                    + " sent_at, received_at, attachments)"
                    + " SELECT gen_random_uuid()::text, s.conversation, CASE WHEN m % 2 = 0 THEN 'inbound' ELSE 'outbound' END,"
                    + " 'chat', 'seed-inbox', 'webchat', 'seed-' || s.n || '-' || m,"
                    + " 'seeded message ' || m || ' of conversation ' || s.n || ' about an order and a parcel',"
                    + " now() - ((s.n + 20 - m) || ' seconds')::interval, now() - ((s.n + 20 - m) || ' seconds')::interval, '[]'::jsonb"
                    + " FROM seed s, generate_series(1, 20) m");
            sql.execute("ANALYZE");
            long total = count(db);
            log(String.format("seeded %,d conversations (%,d messages now stored) in %.0fs", conversations, total,
                    (System.nanoTime() - start) / 1e9));
            return total;
        }
    }

    /** {@code clients} desktops, each its own agent, listing their open and pending conversations in a loop. */
    private static Latencies listLoad(String baseUrl, PrivateKey key, int clients, int seconds, int periodMillis)
            throws Exception {
        ExecutorService io = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "bench-http");
            thread.setDaemon(true);
            return thread;
        });
        HttpClient http = HttpClient.newBuilder().executor(io).build();
        Latencies latencies = new Latencies();
        // warm-up: each client's first requests
        runClients(http, baseUrl, key, clients, 5, periodMillis, new Latencies());
        runClients(http, baseUrl, key, clients, seconds, periodMillis, latencies);
        io.shutdown();
        return latencies;
    }

    /** Each client sends a request, waits for the answer, and sends the next one {@code periodMillis} after the last. */
    private static void runClients(HttpClient http, String baseUrl, PrivateKey key, int clients, int seconds,
            int periodMillis, Latencies latencies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch done = new CountDownLatch(clients);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (int c = 0; c < clients; c++) {
            String agent = "bench-agent-" + c;
            String token = Jwt.issuer("omnichannel-gateway").upn(agent).groups(Set.of("agent"))
                    .claim("team", "bench-team-" + (c % 10)).expiresIn(Duration.ofHours(1)).sign(key);
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl
                            + "/api/v1/conversations?assignee=me&status=open,pending&limit=50"))
                    .header("Authorization", "Bearer " + token).build();
            pool.execute(() -> {
                try {
                    long next = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(
                            periodMillis == 0 ? 0 : java.util.concurrent.ThreadLocalRandom.current().nextInt(periodMillis));
                    while (System.nanoTime() < end) {
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        next = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(periodMillis);
                        long start = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            if (response.statusCode() == 200) {
                                latencies.add((System.nanoTime() - start) / 1000);
                            } else {
                                latencies.error();
                            }
                        } catch (java.io.IOException e) {
                            latencies.error();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        pool.shutdown();
    }

    static void log(String line) {
        System.out.println("[bench] " + line);
    }
}
