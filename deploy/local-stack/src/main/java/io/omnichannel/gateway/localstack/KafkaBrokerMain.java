package io.omnichannel.gateway.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real Kafka broker in KRaft combined mode (broker and controller in one node), run in a child
 * JVM. Arguments: data directory, broker port, controller port. The storage is formatted with
 * Kafka's own StorageTool the first time; later starts reuse it. Prints {@value #READY} once the
 * broker serves requests.
 */
public final class KafkaBrokerMain {

    static final String READY = "KAFKA READY";

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws IOException {
        Path dataDir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        int controllerPort = Integer.parseInt(args[2]);

        Path logDir = dataDir.resolve("log");
        Path configFile = dataDir.resolve("server.properties");
        Files.createDirectories(logDir);
        Properties properties = serverProperties(logDir, port, controllerPort);
        try (Writer writer = Files.newBufferedWriter(configFile)) {
            properties.store(writer, "written by the local stack");
        }
        format(logDir, configFile);

        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
        }, "kafka-stop"));
        ParentWatch.exitWhenParentGone();
        server.startup();
        System.out.println(READY);
        server.awaitShutdown();
    }

    private static void format(Path logDir, Path configFile) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        String[] command = {"format", "-t", Uuid.randomUuid().toString(), "-c", configFile.toString(), "--ignore-formatted"};
        int status = StorageTool.execute(command, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new IllegalStateException("Kafka storage format failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    private static Properties serverProperties(Path logDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "3");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        return p;
    }
}
