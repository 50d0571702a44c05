package io.omnichannel.gateway.adapters.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The providers' APIs and integrators' webhooks, faked at the network boundary by a real HTTP
 * server: Twilio's REST API, Meta's Graph API and the API channel inbox {@code crm}'s webhook point at it.
 */
public class WireMockResource implements QuarkusTestResourceLifecycleManager {

    public static final String CRM_WEBHOOK_PATH = "/crm/replies";
    /** Meta's Graph API with its version. */
    public static final String GRAPH_PATH = "/graph/v23.0";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        String base = "http://127.0.0.1:" + server.port();
        return Map.of(
                "adapters.twilio.api-base-url", base,
                "adapters.meta.graph-url", base + GRAPH_PATH,
                "adapters.inboxes.\"crm\".webhook-url", base + CRM_WEBHOOK_PATH);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
