package io.omnichannel.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.gateway.contract.AgentState;
import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.CloudEventRecords;
import io.omnichannel.gateway.contract.ConversationKey;
import io.omnichannel.gateway.contract.CustomerRef;
import io.omnichannel.gateway.contract.EventTypes;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.contract.MessageIds;
import io.omnichannel.gateway.contract.OutboundMessage;
import io.omnichannel.gateway.contract.Topics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes real inbound events and sets up agents over the API, as the other services and ops would. */
final class RoutingTestSupport {

    private RoutingTestSupport() {
    }

    static InboundMessage message(Channel channel, String inbox, String customer, String language, Instant receivedAt) {
        String externalId = "ext-" + UUID.randomUUID();
        // PostgreSQL keeps microseconds: compare like with like
        Instant received = receivedAt.truncatedTo(ChronoUnit.MILLIS);
        return new InboundMessage(MessageIds.forProviderMessage("test", inbox, externalId), channel, "test", inbox,
                externalId, null, new CustomerRef(customer, null), null, received, null, "hello", null, null, language, null);
    }

    static void publishReply(String bootstrapServers, String conversationKey, String agentId) {
        ConversationKey key = ConversationKey.parse(conversationKey);
        OutboundMessage reply = new OutboundMessage(UUID.randomUUID().toString(), "c-1", key.channel(), "test",
                key.inbox(), key.customerHandle(), agentId, null, "on it", null, null, null, Instant.now(), null);
        publish(bootstrapServers, CloudEventRecords.record(Topics.OUTBOUND, reply.conversationKey(), reply.id(),
                EventTypes.OUTBOUND_MESSAGE, URI.create("/test"), reply.createdAt(), reply));
    }

    static void publishPresence(String bootstrapServers, String agentId, String presence) {
        AgentState state = new AgentState(agentId, presence, Instant.now());
        publish(bootstrapServers, CloudEventRecords.record(Topics.AGENTS, agentId, UUID.randomUUID().toString(),
                EventTypes.AGENT_STATE, URI.create("/test"), state.occurredAt(), state));
    }

    static InboundMessage sms(String customer, Instant receivedAt) {
        String externalId = "SM" + UUID.randomUUID();
        return new InboundMessage(MessageIds.forProviderMessage("twilio", "+15550001111", externalId), Channel.SMS,
                "twilio", "+15550001111", externalId, null, new CustomerRef(customer, null), null, receivedAt, null,
                "hello", null, null, null, null);
    }

    static void publish(String bootstrapServers, InboundMessage message) {
        publish(bootstrapServers, CloudEventRecords.record(Topics.INBOUND, message.conversationKey(), message.id(),
                EventTypes.INBOUND_MESSAGE, URI.create("/test"), message.receivedAt(), message));
    }

    /** Publishes many messages with one producer, in order. */
    static void publishAll(String bootstrapServers, List<InboundMessage> messages) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (InboundMessage message : messages) {
                producer.send(CloudEventRecords.record(Topics.INBOUND, message.conversationKey(), message.id(),
                        EventTypes.INBOUND_MESSAGE, URI.create("/test"), message.receivedAt(), message));
            }
            producer.flush();
        }
    }

    static void publish(String bootstrapServers, ProducerRecord<String, byte[]> record) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish the test event", e);
        }
    }

    static void registerAgent(String id, String channelsJson) {
        registerAgent(id, channelsJson, "[]");
    }

    static void registerAgent(String id, String channelsJson, String skillsJson) {
        given().contentType("application/json")
                .body("{\"name\":\"Agent " + id + "\",\"channels\":" + channelsJson + ",\"skills\":" + skillsJson + "}")
                .put("/api/v1/agents/" + id).then().statusCode(201);
    }

    static void onlineAgent(String id, String channelsJson, String skillsJson) {
        registerAgent(id, channelsJson, skillsJson);
        setPresence(id, "ONLINE");
    }

    static void setPresence(String id, String presence) {
        given().contentType("application/json").body("{\"presence\":\"" + presence + "\"}")
                .put("/api/v1/agents/" + id + "/presence").then().statusCode(200);
    }

    /** A response target for the channel, optionally for one inbox. */
    static void putPolicy(String channel, String target, String inbox) {
        given().contentType("application/json")
                .body("{\"target\":\"" + target + "\"" + (inbox == null ? "" : ",\"inbox\":\"" + inbox + "\"") + "}")
                .put("/api/v1/policies/" + channel).then().statusCode(200);
    }

    static void putInboxRouting(String inbox, String rulesJson) {
        given().contentType("application/json").body(rulesJson).put("/api/v1/inboxes/" + inbox + "/routing").then().statusCode(200);
    }

    static void putTeam(String id, String overflowTeamId) {
        given().contentType("application/json")
                .body("{\"name\":\"Team " + id + "\"" + (overflowTeamId == null ? "" : ",\"overflowTeamId\":\"" + overflowTeamId + "\"") + "}")
                .put("/api/v1/teams/" + id).then().statusCode(200);
    }

    /** The value of {@code gateway_routing_sla_total{channel,state}} on /q/metrics, 0 before the first count. */
    static double slaCount(String channel, String state) {
        return metric("gateway_routing_sla_total", "channel=\"" + channel + "\"", "state=\"" + state + "\"");
    }

    /** How often the stage ran, from {@code gateway_routing_stage_duration_seconds_count{stage}} on /q/metrics. */
    static double stageRuns(String stage) {
        return metric("gateway_routing_stage_duration_seconds_count", "stage=\"" + stage + "\"");
    }

    /** The value of the series of {@code name} whose labels contain every selector, 0 before the first count. */
    private static double metric(String name, String... selectors) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith(name + "{") && java.util.Arrays.stream(selectors).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst().orElse(0);
    }

    /** Every test starts from an empty routing state so that agents of one test never take another's work. */
    /**
     * Agents and channels whose held work as {@code agent_load} (kept by the database) has it differs from a count of
     * the work items they hold: agent, channel, kept figure, counted figure.
     */
    static final String LOAD_MISMATCHES = """
            SELECT coalesce(kept.agent_id, counted.agent_id), coalesce(kept.channel, counted.channel), kept.held, counted.held
            FROM (SELECT agent_id, channel, held FROM agent_load WHERE held > 0) AS kept
            FULL JOIN (SELECT assigned_agent_id AS agent_id, channel, count(*) AS held FROM work_item
                       WHERE status IN ('OFFERED', 'ASSIGNED') GROUP BY assigned_agent_id, channel) AS counted
              ON kept.agent_id = counted.agent_id AND kept.channel = counted.channel
            WHERE kept.held IS DISTINCT FROM counted.held""";

    /** What the database keeps of each agent's load agrees with the work they hold. */
    static void assertLoadsMatchHeldWork(EntityManager entityManager) {
        List<?> mismatches = QuarkusTransaction.requiringNew().call(() ->
                entityManager.createNativeQuery(LOAD_MISMATCHES).getResultList());
        assertThat(mismatches).as("agent_load rows that differ from the held work").isEmpty();
    }

    static void clearRoutingState(EntityManager entityManager) {
        // the service's own passes (dispatcher, relay, SLA monitor) keep running: a TRUNCATE can meet one of them in a
        // deadlock, which PostgreSQL resolves by aborting the TRUNCATE; it is then simply run again
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> entityManager
                        .createNativeQuery("TRUNCATE work_item, agent_capacity, agent, processed_event, outbox_event, customer_affinity, "
                                + "response_log, inbox_routing, response_policy, business_calendar, team")
                        .executeUpdate());
                return;
            } catch (jakarta.persistence.PessimisticLockException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }
}
