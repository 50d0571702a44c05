package io.omnichannel.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.CloudEventRecords;
import io.omnichannel.gateway.contract.EventTypes;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.contract.RoutingEvent;
import io.omnichannel.gateway.contract.RoutingEventType;
import io.omnichannel.gateway.contract.Topics;
import io.omnichannel.gateway.localstack.LineSink;
import io.omnichannel.gateway.localstack.LocalStack;
import io.omnichannel.gateway.localstack.Ports;
import io.omnichannel.gateway.localstack.QuarkusService;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two routing-service instances on one database and broker; many agents, thousands of
 * conversations, presence flapping, and one instance killed (SIGKILL) mid-stream. Afterwards, from
 * the event log on gateway.routing.v1: every conversation was assigned exactly once, and replaying
 * assignments and releases per agent never shows an agent over capacity.
 */
class RoutingFailoverIT {

    private static final int CONVERSATIONS = 2000;
    private static final int AGENTS = 20;

    private final List<AutoCloseable> running = new ArrayList<>();
    private final Random random = new Random(7);

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    @Test
    void assignsEveryConversationExactlyOnceWithinCapacityWhenAnInstanceDies() throws Exception {
        LocalStack stack = LocalStack.start(LocalStack.Options.forTests(List.of("routing")));
        running.add(stack);
        LineSink logs = LineSink.files(stack.options().workDir().resolve("logs"));
        QuarkusService first = start("routing-a", stack, logs);
        QuarkusService second = start("routing-b", stack, logs);
        first.awaitReady(Duration.ofMinutes(2));
        second.awaitReady(Duration.ofMinutes(2));

        Map<String, Integer> capacity = new HashMap<>();
        for (int i = 0; i < AGENTS; i++) {
            String agent = "agent-" + i;
            capacity.put(agent, 1 + i % 5);
            given().baseUri(first.url()).contentType("application/json")
                    .body("{\"name\":\"" + agent + "\",\"channels\":{\"sms\":" + capacity.get(agent) + "}}")
                    .put("/api/v1/agents/" + agent).then().statusCode(201);
            presence(first, agent, "ONLINE");
        }

        Map<String, RoutingEvent> events = new ConcurrentHashMap<>();
        Set<String> resolved = ConcurrentHashMap.newKeySet();
        AtomicBoolean firstAlive = new AtomicBoolean(true);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService workers = Executors.newFixedThreadPool(3);
        ExecutorService agentsAtWork = Executors.newFixedThreadPool(8);
        running.add(() -> {
            agentsAtWork.shutdownNow();
            agentsAtWork.awaitTermination(30, TimeUnit.SECONDS);
        });
        running.add(() -> {
            stop.set(true);
            workers.shutdownNow();
            workers.awaitTermination(30, TimeUnit.SECONDS);
        });
        // agents: resolve each conversation they get, so capacity frees up and is reused
        workers.submit(() -> readEvents(stack, events, stop, event -> {
            if (event.type() != RoutingEventType.ASSIGNED || !resolved.add(event.conversationKey())) {
                return;
            }
            if (resolved.size() == CONVERSATIONS / 4 && firstAlive.compareAndSet(true, false)) {
                first.kill();
            }
            QuarkusService via = firstAlive.get() && random.nextBoolean() ? first : second;
            agentsAtWork.submit(() -> {
                try {
                    given().baseUri(via.url()).post("/api/v1/conversations/{key}/resolve", event.conversationKey());
                } catch (RuntimeException instanceGone) {
                    given().baseUri(second.url()).post("/api/v1/conversations/{key}/resolve", event.conversationKey());
                }
            });
        }));
        // presence flapping between ONLINE and AWAY (unanswered work stays with the agent: see start())
        workers.submit(() -> {
            Random flaps = new Random(11);
            while (!stop.get()) {
                String agent = "agent-" + flaps.nextInt(AGENTS);
                presence(second, agent, "AWAY");
                presence(second, agent, "ONLINE");
            }
            return null;
        });
        List<String> keys = publishConversations(stack);

        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() -> keys.stream()
                .allMatch(key -> resolved.contains(key)));
        assertThat(firstAlive).as("instance a was killed mid-stream").isFalse();
        stop.set(true);

        List<RoutingEvent> log = new ArrayList<>(events.values());
        Map<String, Long> assignmentsPerConversation = new HashMap<>();
        log.stream().filter(e -> e.type() == RoutingEventType.ASSIGNED)
                .forEach(e -> assignmentsPerConversation.merge(e.conversationKey(), 1L, Long::sum));
        assertThat(assignmentsPerConversation).hasSize(CONVERSATIONS);
        assertThat(assignmentsPerConversation.values()).allMatch(count -> count == 1);

        log.sort(Comparator.comparing(RoutingEvent::occurredAt)
                .thenComparing(e -> e.type() == RoutingEventType.RELEASED ? 0 : 1));
        Map<String, Integer> held = new HashMap<>();
        for (RoutingEvent event : log) {
            if (event.type() == RoutingEventType.ASSIGNED) {
                int now = held.merge(event.agentId(), 1, Integer::sum);
                assertThat(now).as("%s holds at %s", event.agentId(), event.occurredAt())
                        .isLessThanOrEqualTo(capacity.get(event.agentId()));
            } else if (event.type() == RoutingEventType.RELEASED) {
                held.merge(event.agentId(), -1, Integer::sum);
            }
        }
        try (Connection db = DriverManager.getConnection(stack.jdbcUrl("routing"), LocalStack.DB_USER, LocalStack.DB_PASSWORD);
                ResultSet mismatches = db.createStatement().executeQuery(RoutingTestSupport.LOAD_MISMATCHES)) {
            assertThat(mismatches.next()).as("agent_load rows that differ from the held work").isFalse();
        }
    }

    private QuarkusService start(String name, LocalStack stack, LineSink logs) {
        QuarkusService service = QuarkusService.start(name, Path.of("").toAbsolutePath(), Ports.free(), Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers(),
                        "DB_URL", stack.jdbcUrl("routing"),
                        "DB_USER", LocalStack.DB_USER,
                        "DB_PASSWORD", LocalStack.DB_PASSWORD,
                        "ROUTING_RETURN_UNANSWERED_ON_AWAY", "false",
                        // a killed instance's partitions move to the survivor after 10 s, not the default 45 s
                        "MP_MESSAGING_INCOMING_INBOUND_SESSION_TIMEOUT_MS", "10000"),
                List.of("-Xmx384m", "-XX:+UseSerialGC"), logs);
        running.add(service);
        return service;
    }

    private static void presence(QuarkusService service, String agent, String presence) {
        given().baseUri(service.url()).contentType("application/json").body("{\"presence\":\"" + presence + "\"}")
                .put("/api/v1/agents/" + agent + "/presence");
    }

    private List<String> publishConversations(LocalStack stack) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        List<String> keys = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < CONVERSATIONS; i++) {
                InboundMessage message = RoutingTestSupport.message(Channel.SMS, "+15550001111",
                        "+1" + (4150000000L + i) + "-" + UUID.randomUUID().toString().substring(0, 4), null, Instant.now());
                keys.add(message.conversationKey());
                producer.send(CloudEventRecords.record(Topics.INBOUND, message.conversationKey(), message.id(),
                        EventTypes.INBOUND_MESSAGE, URI.create("/test"), message.receivedAt(), message)).get();
            }
        }
        return keys;
    }

    private static Void readEvents(LocalStack stack, Map<String, RoutingEvent> events, AtomicBoolean stop,
            Consumer<RoutingEvent> onEvent) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "failover-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.ROUTING));
            while (!stop.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    CloudEvent event = CloudEventRecords.read(record);
                    RoutingEvent routing = CloudEventRecords.data(event, RoutingEvent.class);
                    // the outbox publishes at least once: a repeat carries the same CloudEvent id
                    if (events.putIfAbsent(event.getId(), routing) == null) {
                        onEvent.accept(routing);
                    }
                }
            }
        }
        return null;
    }
}
