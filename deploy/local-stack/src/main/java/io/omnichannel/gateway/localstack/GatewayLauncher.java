package io.omnichannel.gateway.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code ./gateway up}: Kafka, PostgreSQL and the three services on this machine, data kept under
 * one folder, every log line behind its process's name, everything stopped on Ctrl-C.
 *
 * <p>Environment: {@code GATEWAY_DATA} (default {@code ./data}), {@code GATEWAY_KAFKA_PORT} (9092),
 * {@code GATEWAY_KAFKA_CONTROLLER_PORT} (9093), {@code GATEWAY_POSTGRES_PORT} (5432),
 * {@code TWILIO_AUTH_TOKEN} (default {@value #LOCAL_TWILIO_TOKEN}), {@code PUBLIC_BASE_URL}.
 */
public final class GatewayLauncher {

    public static final String LOCAL_TWILIO_TOKEN = "local-twilio-auth-token";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private record Service(String name, int port, String database) {
    }

    private static final List<Service> SERVICES = List.of(
            new Service("channel-adapters", 8081, "adapters"),
            new Service("routing-service", 8082, "routing"),
            new Service("conversation-service", 8083, "conversation"));

    private GatewayLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path data = Path.of(env("GATEWAY_DATA", root.resolve("data").toString())).toAbsolutePath();
        LineSink output = LineSink.prefixed();
        List<AutoCloseable> running = new CopyOnWriteArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(running), "gateway-stop"));

        try {
            for (Service service : SERVICES) {
                Ports.requireFree(service.port(), service.name());
            }
            LocalStack stack = LocalStack.start(new LocalStack.Options(data,
                    Integer.parseInt(env("GATEWAY_KAFKA_PORT", "9092")),
                    Integer.parseInt(env("GATEWAY_KAFKA_CONTROLLER_PORT", "9093")),
                    Integer.parseInt(env("GATEWAY_POSTGRES_PORT", "5432")),
                    List.of("adapters", "routing", "conversation"), true, List.of("-Xmx1g"), output));
            running.add(stack);

            DevTokens tokens = DevTokens.in(data.resolve("keys"));
            List<QuarkusService> services = new ArrayList<>();
            for (Service service : SERVICES) {
                QuarkusService started = QuarkusService.start(service.name(), root.resolve(service.name()),
                        service.port(), environment(stack, service, tokens), List.of("-Xmx768m"), output);
                running.add(started);
                services.add(started);
            }
            for (QuarkusService service : services) {
                service.awaitReady(READY_TIMEOUT);
            }
            printBanner(stack, services, data);
        } catch (RuntimeException e) {
            System.err.println("The gateway did not start: " + e.getMessage());
            System.exit(1);
        }
        Thread.currentThread().join();
    }

    /** What each service's production profile reads, pointing at the local stack and at each other. */
    private static Map<String, String> environment(LocalStack stack, Service service, DevTokens tokens) {
        Map<String, String> environment = new HashMap<>();
        environment.put("ROUTING_URL", "http://localhost:8082");
        environment.put("JWT_PUBLIC_KEY_LOCATION", tokens.publicKey().toString());
        environment.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
        environment.put("PUBLIC_BASE_URL", env("PUBLIC_BASE_URL", "http://localhost:8081"));
        environment.put("TWILIO_AUTH_TOKEN", env("TWILIO_AUTH_TOKEN", LOCAL_TWILIO_TOKEN));
        environment.put("TWILIO_ACCOUNT_SID", env("TWILIO_ACCOUNT_SID", ""));
        if (service.name().equals("channel-adapters")) {
            environment.putAll(localChannels("http://localhost:" + service.port() + "/sandbox"));
        }
        if (service.database() != null) {
            environment.put("DB_URL", stack.jdbcUrl(service.database()));
            environment.put("DB_USER", LocalStack.DB_USER);
            environment.put("DB_PASSWORD", LocalStack.DB_PASSWORD);
        }
        return environment;
    }

    /**
     * Every built-in channel locally: the adapters' dev inboxes (QUARKUS_PROFILE=dev,prod: the production
     * settings above win, the dev profile adds the local inboxes) and the local provider sandbox, to which
     * Twilio's API, Meta's Graph API and the API inbox's webhook point, so replies are really sent.
     */
    private static Map<String, String> localChannels(String sandbox) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "QUARKUS_PROFILE", "dev,prod",
                "ADAPTERS_SANDBOX_ENABLED", "true",
                "ADAPTERS_TWILIO_API_BASE_URL", sandbox + "/twilio",
                "ADAPTERS_META_GRAPH_URL", sandbox + "/graph",
                "API_LOCAL_WEBHOOK_URL", sandbox + "/api/api-local"));
        // without an SMTP server, email replies are logged instead of sent
        environment.put("MAIL_MOCK", env("MAIL_MOCK", System.getenv("MAIL_HOST") == null ? "true" : "false"));
        // inboxes of your own (an IMAP mailbox, say): a properties file in GATEWAY_ADAPTERS_CONFIG
        String extra = System.getenv("GATEWAY_ADAPTERS_CONFIG");
        if (extra != null && !extra.isBlank()) {
            environment.put("QUARKUS_CONFIG_LOCATIONS", Path.of(extra).toAbsolutePath().toUri().toString());
        }
        return environment;
    }

    private static void printBanner(LocalStack stack, List<QuarkusService> services, Path data) {
        StringBuilder banner = new StringBuilder("\n  The gateway is up.\n\n");
        for (QuarkusService service : services) {
            banner.append(String.format("  %-22s %s   (health %s/q/health/ready, API docs %s/q/swagger-ui)%n",
                    service.name(), service.url(), service.url(), service.url()));
        }
        banner.append(String.format("  %-22s %s%n", "kafka", stack.kafkaBootstrapServers()));
        banner.append(String.format("  %-22s %s%n", "postgresql", stack.jdbcUrl("routing").replace("/routing", "")));
        banner.append(String.format("  %-22s %s%n%n", "data", data));
        banner.append("  Send a first SMS:  ./gateway sms +14155550100 \"Hello\"   (see README)\n");
        banner.append("  One per channel:   ./gateway demo   (replies go to the local sandbox: /sandbox/sent)\n");
        banner.append("  A desktop token:   ./gateway token ana agent\n");
        banner.append("  Stop everything:   Ctrl-C\n");
        synchronized (System.out) {
            System.out.println(banner);
        }
    }

    private static void stopAll(List<AutoCloseable> running) {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                System.err.println("could not stop cleanly: " + e.getMessage());
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
