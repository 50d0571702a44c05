package io.omnichannel.gateway.conversation;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.omnichannel.gateway.localstack.LocalStackResource;
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
