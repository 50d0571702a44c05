package io.omnichannel.gateway.conversation;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.omnichannel.gateway.localstack.LocalStackResource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What the conversation service's tests run against: the real Kafka broker and PostgreSQL of the local
 * stack, and the routing service's API faked at the network boundary by WireMock. Every test class
 * uses it the same way, so they share one application and one stack.
 */
public class ConversationStack extends LocalStackResource {

    private WireMockServer routing;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        routing = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        routing.start();
        config.put("conversation.routing-url", "http://127.0.0.1:" + routing.port());
        // what the production profile reads, for the black-box tests of the packaged service
        config.put("ROUTING_URL", "http://127.0.0.1:" + routing.port());
        config.put("KAFKA_BOOTSTRAP_SERVERS", config.get("kafka.bootstrap.servers"));
        config.put("DB_URL", config.get("quarkus.datasource.jdbc.url"));
        config.put("DB_USER", config.get("quarkus.datasource.username"));
        config.put("DB_PASSWORD", config.get("quarkus.datasource.password"));
        config.put("JWT_PUBLIC_KEY_LOCATION", Path.of("dev-keys", "public.pem").toAbsolutePath().toString());
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        super.inject(testInjector);
        testInjector.injectIntoFields(routing,
                new TestInjector.AnnotatedAndMatchesType(InjectRoutingService.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (routing != null) {
            routing.stop();
        }
        super.stop();
    }
}
