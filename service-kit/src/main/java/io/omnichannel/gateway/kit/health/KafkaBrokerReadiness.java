package io.omnichannel.gateway.kit.health;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the Kafka cluster answers within two seconds; an outage shows at once, not after a minute. */
@Readiness
@ApplicationScoped
public class KafkaBrokerReadiness implements HealthCheck {

    private static final int TIMEOUT_MS = 2000;
    private final Admin admin;

    KafkaBrokerReadiness(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        this.admin = Admin.create(config);
    }

    @Override
    public HealthCheckResponse call() {
        try {
            int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS))
                    .nodes().get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS).size();
            return HealthCheckResponse.named("kafka").status(brokers > 0).withData("brokers", brokers).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("kafka").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }

    @PreDestroy
    void close() {
        admin.close();
    }
}
