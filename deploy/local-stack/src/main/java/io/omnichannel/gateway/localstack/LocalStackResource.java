package io.omnichannel.gateway.localstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Starts the {@link LocalStack} on free ports for a {@code @QuarkusTest} and points the application
 * at it. Init argument {@code databases}: comma-separated databases to create, the first one is the
 * application's. Test classes get the running stack in a field annotated {@link InjectLocalStack}.
 */
public class LocalStackResource implements QuarkusTestResourceLifecycleManager {

    private List<String> databases = List.of("gateway");
    private LocalStack stack;

    @Override
    public void init(Map<String, String> initArgs) {
        String names = initArgs.get("databases");
        if (names != null && !names.isBlank()) {
            databases = Arrays.stream(names.split(",")).map(String::trim).toList();
        }
    }

    @Override
    public Map<String, String> start() {
        stack = LocalStack.start(LocalStack.Options.forTests(databases));
        return Map.of(
                "kafka.bootstrap.servers", stack.kafkaBootstrapServers(),
                "quarkus.datasource.jdbc.url", stack.jdbcUrl(databases.get(0)),
                "quarkus.datasource.username", LocalStack.DB_USER,
                "quarkus.datasource.password", LocalStack.DB_PASSWORD,
                "quarkus.devservices.enabled", "false");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(stack,
                new TestInjector.AnnotatedAndMatchesType(InjectLocalStack.class, LocalStack.class));
    }

    @Override
    public void stop() {
        if (stack != null) {
            stack.close();
        }
    }
}
