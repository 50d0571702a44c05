package io.omnichannel.gateway.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnichannel.gateway.contract.OutboundMessage;
import io.omnichannel.gateway.contract.Topics;
import io.omnichannel.gateway.localstack.LocalStack;
import io.omnichannel.gateway.localstack.Ports;
import io.omnichannel.gateway.localstack.QuarkusService;
import io.omnichannel.gateway.localstack.TopicProbe;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reply crash safety with a real crash: the packaged service runs as a process of its own and is killed
 * (SIGKILL) at the two dangerous moments of the outbox, then started again on the same database and broker.
 * <ul>
 * <li>after the reply's commit and before its publication: it is published exactly once after the restart;
 * <li>after the broker acknowledged the publication and before the outbox row was marked: the restarted
 * relay publishes it again. Both records carry the reply's id as CloudEvent id and the same reply, and the
 * channel adapters drop a repeated id, so the customer still gets it once; never is it lost.
 * </ul>
 */
class ReplyCrashIT {

    private static final Duration WITHIN = Duration.ofSeconds(90);
    private static final Path MODULE = Path.of("").toAbsolutePath();
    /** The advisory lock the test holds to stop the relay between the broker's ack and the outbox marking. */
    private static final long MARKING_LOCK = 4242;

    private static LocalStack stack;
    private static QuarkusService service;
    private static PrivateKey signingKey;

    @BeforeAll
    static void startStackAndService() throws Exception {
        stack = LocalStack.start(LocalStack.Options.forTests(List.of("conversation")));
        signingKey = KeyUtils.decodePrivateKey(Files.readString(MODULE.resolve("dev-keys/private.pem")));
        startService();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    private static void startService() {
        Map<String, String> environment = new HashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
        environment.put("DB_URL", stack.jdbcUrl("conversation"));
        environment.put("DB_USER", LocalStack.DB_USER);
        environment.put("DB_PASSWORD", LocalStack.DB_PASSWORD);
        environment.put("ROUTING_URL", "http://127.0.0.1:9");
        environment.put("JWT_PUBLIC_KEY_LOCATION", MODULE.resolve("dev-keys/public.pem").toString());
        service = QuarkusService.start("conversation-service", MODULE, Ports.free(), environment, List.of("-Xmx384m"),
                stack.options().output());
        service.awaitReady(Duration.ofMinutes(3));
        RestAssured.port = service.port();
    }

    /** Kills the service as a crash would and starts it again. */
    private static void crashAndRestart(Runnable whileDown) {
        service.kill();
        whileDown.run();
        startService();
    }

    /** A new agent and a customer's chat conversation routing assigned to them. */
    private record Assigned(Desk agent, String conversationId) {
    }

    private static Assigned agentWithAConversation() {
        String agent = "ana-" + UUID.randomUUID();
        String token = Jwt.issuer("omnichannel-gateway").upn(agent).groups(Set.of("agent")).claim("team", "support")
                .expiresIn(Duration.ofHours(1)).sign(signingKey);
        Desk ana = new Desk(agent, "support", token);
        String handle = GatewayEvents.newHandle();
        try (GatewayEvents events = new GatewayEvents(stack.kafkaBootstrapServers())) {
            events.publish(GatewayEvents.chatMessage(handle, "Hello, where is my parcel?"));
            events.publish(GatewayEvents.assigned(handle, agent, Instant.now().plus(10, ChronoUnit.MINUTES)));
        }
        String id = await().atMost(WITHIN).until(() -> ana.request().queryParam("assignee", "me")
                .get("/api/v1/conversations").then().statusCode(200).extract().jsonPath(),
                list -> list.getList("items").size() == 1 && list.getString("items[0].lastMessageAt") != null)
                .getString("items[0].id");
        return new Assigned(ana, id);
    }

    private static String reply(Desk agent, String conversation, String text) {
        return agent.request().contentType(ContentType.JSON).body(Map.of("text", text))
                .post("/api/v1/conversations/{id}/messages", conversation).then().statusCode(202)
                .extract().path("messageId");
    }

    @Test
    void aReplyCommittedButNotYetPublishedWhenTheServiceCrashesIsPublishedExactlyOnceAfterTheRestart() throws Exception {
        Assigned assigned = agentWithAConversation();

        // no broker: the relay cannot publish, so the crash comes after the commit and before the publication
        stack.stopKafka();
        String messageId = reply(assigned.agent(), assigned.conversationId(), "committed, then the service crashed");
        assertThat(outboxRow(messageId)).isEqualTo(Outbox.UNPUBLISHED);
        crashAndRestart(stack::startKafka);

        await().atMost(WITHIN).until(() -> outboxRow(messageId) == Outbox.PUBLISHED);
        List<ConsumerRecord<String, byte[]>> records = outbound(messageId, 2, Duration.ofSeconds(15));
        assertThat(records).hasSize(1);
        assertThat(Desk.data(records.get(0), OutboundMessage.class).text()).isEqualTo("committed, then the service crashed");
    }

    @Test
    void aReplyTheBrokerAcknowledgedButTheCrashedServiceNeverMarkedIsPublishedAgainWithTheSameId() throws Exception {
        Assigned assigned = agentWithAConversation();

        try (Connection db = DriverManager.getConnection(stack.jdbcUrl("conversation"), LocalStack.DB_USER,
                LocalStack.DB_PASSWORD)) {
            holdOutboxMarking(db);
            String messageId = reply(assigned.agent(), assigned.conversationId(), "acknowledged, then the service crashed");
            // the broker has it, and the relay is stuck marking it
            assertThat(outbound(messageId, 1, WITHIN)).hasSize(1);
            assertThat(outboxRow(messageId)).isEqualTo(Outbox.UNPUBLISHED);
            crashAndRestart(() -> releaseOutboxMarking(db));

            await().atMost(WITHIN).until(() -> outboxRow(messageId) == Outbox.PUBLISHED);
            List<ConsumerRecord<String, byte[]>> records = outbound(messageId, 3, Duration.ofSeconds(15));
            assertThat(records).hasSize(2);
            assertThat(records).allSatisfy(record -> {
                assertThat(Desk.header(record, "ce_id")).isEqualTo(messageId);
                assertThat(Desk.data(record, OutboundMessage.class).id()).isEqualTo(messageId);
                assertThat(Desk.data(record, OutboundMessage.class).text()).isEqualTo("acknowledged, then the service crashed");
            });
            assertThat(records.get(1).value()).isEqualTo(records.get(0).value());
        }
    }

    private static List<ConsumerRecord<String, byte[]>> outbound(String messageId, int count, Duration within) {
        try (TopicProbe probe = new TopicProbe(stack.kafkaBootstrapServers(), Topics.OUTBOUND)) {
            return probe.await(r -> messageId.equals(Desk.header(r, "ce_id")), count, within);
        }
    }

    private enum Outbox {
        MISSING, UNPUBLISHED, PUBLISHED
    }

    private static Outbox outboxRow(String eventId) throws SQLException {
        try (Connection db = DriverManager.getConnection(stack.jdbcUrl("conversation"), LocalStack.DB_USER,
                LocalStack.DB_PASSWORD);
                PreparedStatement query = db.prepareStatement("SELECT published_at FROM outbox_event WHERE event_id = ?")) {
            query.setString(1, eventId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Outbox.MISSING;
                }
                return row.getTimestamp(1) == null ? Outbox.UNPUBLISHED : Outbox.PUBLISHED;
            }
        }
    }

    /**
     * Makes the relay's marking of an outbox row wait for an advisory lock this connection holds: the
     * relay sends, the broker acknowledges, and the UPDATE that marks the row published blocks.
     */
    private static void holdOutboxMarking(Connection db) throws SQLException {
        try (Statement sql = db.createStatement()) {
            sql.execute("""
                    CREATE OR REPLACE FUNCTION test_hold_outbox_marking() RETURNS trigger AS $$
                    BEGIN
                        PERFORM pg_advisory_xact_lock(%d);
                        RETURN NEW;
                    END $$ LANGUAGE plpgsql""".formatted(MARKING_LOCK));
            sql.execute("""
                    CREATE TRIGGER test_hold_outbox_marking BEFORE UPDATE OF published_at ON outbox_event
                    FOR EACH ROW WHEN (NEW.published_at IS NOT NULL) EXECUTE FUNCTION test_hold_outbox_marking()""");
            sql.execute("SELECT pg_advisory_lock(" + MARKING_LOCK + ")");
        }
    }

    /**
     * After the crash: ends the killed service's database session, still waiting in the trigger (its
     * transaction rolls back, so the row stays unpublished), and lets markings through again.
     */
    private static void releaseOutboxMarking(Connection db) {
        try (Statement sql = db.createStatement()) {
            sql.execute("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted");
            sql.execute("DROP TRIGGER test_hold_outbox_marking ON outbox_event");
            sql.execute("DROP FUNCTION test_hold_outbox_marking()");
            sql.execute("SELECT pg_advisory_unlock(" + MARKING_LOCK + ")");
        } catch (SQLException e) {
            throw new IllegalStateException("could not release the outbox marking", e);
        }
    }
}
