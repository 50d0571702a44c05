package io.omnichannel.gateway.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.omnichannel.gateway.contract.Topics;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

class LocalStackTest {

    @Test
    void freePortsLookedUpTogetherAreDistinct() {
        int[] ports = Ports.free(20);
        assertThat(java.util.Arrays.stream(ports).distinct().count()).isEqualTo(20);
        assertThat(java.util.Arrays.stream(ports).filter(Ports::isOpen)).isEmpty();
    }

    @Test
    void startsRealKafkaAndPostgresAndLeavesNoProcessBehind() throws Exception {
        List<Long> children;
        try (LocalStack stack = LocalStack.start(LocalStack.Options.forTests(List.of("alpha", "beta")))) {
            children = ProcessHandle.current().descendants().map(ProcessHandle::pid).toList();
            assertThat(children).hasSizeGreaterThanOrEqualTo(2);

            Properties config = new Properties();
            config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
            try (Admin admin = Admin.create(config)) {
                Set<String> topics = admin.listTopics().names().get();
                assertThat(topics).containsAll(Topics.ALL);
                String cleanupPolicy = admin.describeConfigs(List.of(new org.apache.kafka.common.config.ConfigResource(
                                org.apache.kafka.common.config.ConfigResource.Type.TOPIC, Topics.AGENTS)))
                        .all().get().values().iterator().next().get("cleanup.policy").value();
                assertThat(cleanupPolicy).isEqualTo("compact");
            }

            try (Connection connection = DriverManager.getConnection(stack.jdbcUrl("beta"), LocalStack.DB_USER, LocalStack.DB_PASSWORD);
                    ResultSet result = connection.createStatement().executeQuery("SELECT current_database(), version()")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo("beta");
                assertThat(result.getString(2)).startsWith("PostgreSQL 17");
            }
        }
        for (long pid : children) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("child process %d still alive after close", pid).isFalse();
        }
    }

    @Test
    void leavesNoProcessBehindWhenItsJvmIsKilled() throws Exception {
        List<String> command = ChildProcess.javaCommand(List.of(), System.getProperty("java.class.path"),
                StackHolderMain.class.getName(), List.of());
        Process holder = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<Long> pids = new ArrayList<>();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null && !line.startsWith("STACK UP")) {
                if (line.startsWith("PID ")) {
                    pids.add(Long.parseLong(line.substring(4).trim()));
                }
            }
            assertThat(line).as("the stack came up in the holder JVM").isNotNull();
        }
        assertThat(pids).as("kafka JVM, postgres supervisor JVM and the postgres server").hasSizeGreaterThanOrEqualTo(3);

        holder.destroyForcibly().waitFor();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(pids)
                .allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                        .as("process %d outlived the killed JVM", pid).isFalse()));
    }

    @Test
    void explainsWhichPortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            LocalStack.Options free = LocalStack.Options.forTests(List.of("gateway"));
            LocalStack.Options clashing = new LocalStack.Options(free.workDir(), taken.getLocalPort(),
                    free.kafkaControllerPort(), free.postgresPort(), free.databases(), false, List.of(), free.output());
            assertThatThrownBy(() -> LocalStack.start(clashing))
                    .isInstanceOf(Ports.PortInUseException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort() + " (Kafka broker) is already in use");
        }
    }
}
