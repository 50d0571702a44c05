package io.omnichannel.gateway.system;

import io.omnichannel.gateway.localstack.DevTokens;
import io.omnichannel.gateway.localstack.LineSink;
import io.omnichannel.gateway.localstack.LocalStack;
import io.omnichannel.gateway.localstack.Ports;
import io.omnichannel.gateway.localstack.QuarkusService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The whole gateway as a deployment runs it: the local stack plus the three packaged services, on free ports. */
final class RunningGateway implements AutoCloseable {

    static final String TWILIO_TOKEN = "system-test-twilio-token";
    static final String PUBLIC_BASE_URL = "https://gateway.system.test";

    private final LocalStack stack;
    final DevTokens tokens;
    private final List<QuarkusService> services = new ArrayList<>();
    final QuarkusService adapters;
    final QuarkusService routing;
    final QuarkusService conversations;

    RunningGateway() {
        Path root = Path.of(System.getProperty("gateway.root", "../..")).toAbsolutePath().normalize();
        LocalStack.Options options = LocalStack.Options.forTests(List.of("adapters", "routing", "conversation"));
        stack = LocalStack.start(options);
        tokens = DevTokens.in(options.workDir().resolve("keys"));
        LineSink logs = LineSink.files(options.workDir().resolve("logs"));
        List<String> jvm = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        try {
            adapters = start(root, "channel-adapters", "adapters", jvm, logs, Map.of());
            routing = start(root, "routing-service", "routing", jvm, logs, Map.of());
            conversations = start(root, "conversation-service", "conversation", jvm, logs,
                    Map.of("ROUTING_URL", routing.url()));
            for (QuarkusService service : services) {
                service.awaitReady(Duration.ofMinutes(2));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private QuarkusService start(Path root, String name, String database, List<String> jvm, LineSink logs,
            Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(extra);
        environment.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
        environment.put("PUBLIC_BASE_URL", PUBLIC_BASE_URL);
        environment.put("TWILIO_AUTH_TOKEN", TWILIO_TOKEN);
        environment.put("JWT_PUBLIC_KEY_LOCATION", tokens.publicKey().toString());
        if (database != null) {
            environment.put("DB_URL", stack.jdbcUrl(database));
            environment.put("DB_USER", LocalStack.DB_USER);
            environment.put("DB_PASSWORD", LocalStack.DB_PASSWORD);
        }
        QuarkusService service = QuarkusService.start(name, root.resolve(name), Ports.free(), environment, jvm, logs);
        services.add(service);
        return service;
    }

    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        stack.close();
    }
}
