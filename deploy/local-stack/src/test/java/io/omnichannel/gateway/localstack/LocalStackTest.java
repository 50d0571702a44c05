package io.omnichannel.gateway.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnichannel.gateway.contract.Topics;
import java.net.ServerSocket;
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
    void startsRealKafkaAndPostgresAndLeavesNoProcessBehind() throws Exception {
        List<Long> children;
        try (LocalStack stack = LocalStack.start(LocalStack.Options.forTests(List.of("alpha", "beta")))) {
            children = ProcessHandle.current().children().map(ProcessHandle::pid).toList();
            assertThat(children).hasSize(2);

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
