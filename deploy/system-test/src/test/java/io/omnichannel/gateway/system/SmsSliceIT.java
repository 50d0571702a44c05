package io.omnichannel.gateway.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton end to end, over HTTP only: a signed SMS arrives at channel-adapters, the
 * routing service assigns it to an ONLINE agent, and the conversation service shows it to that agent.
 */
class SmsSliceIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String INBOX = "+15550001111";

    private static RunningGateway gateway;
    private static String supervisorToken;
    private final List<String> agents = new ArrayList<>();

    @BeforeAll
    static void startTheGateway() {
        gateway = new RunningGateway();
        supervisorToken = gateway.tokens.mint("sam", List.of("supervisor"), List.of(), Duration.ofHours(1));
    }

    @AfterAll
    static void stopTheGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    /** Agents of one test must not take another test's conversations. */
    @AfterEach
    void takeThisTestsAgentsOffline() {
        agents.forEach(agent -> setPresence(agent, "OFFLINE"));
    }

    @Test
    void signedSmsIsAssignedToAnOnlineAgentAndShownToThem() {
        String agent = onlineAgent();
        String customer = phoneNumber();
        Instant before = Instant.now();

        sendSms(customer, "My parcel has not arrived — 我的包裹").then().statusCode(200);

        String conversationId = awaitConversationAssignedTo(agent, customer);
        JsonPath conversation = conversation(conversationId);
        assertThat(conversation.getString("channel")).isEqualTo("sms");
        assertThat(conversation.getString("customer.handle")).isEqualTo(customer);
        assertThat(conversation.getList("messages.text")).containsExactly("My parcel has not arrived — 我的包裹");
        Instant due = Instant.parse(conversation.getString("dueAt"));
        assertThat(due).isBetween(before.plus(Duration.ofHours(1)).minusSeconds(5), Instant.now().plus(Duration.ofHours(1)));
    }

    @Test
    void theSameMessageSidTwiceGivesOneMessage() {
        String agent = onlineAgent();
        String customer = phoneNumber();
        Map<String, String> form = smsForm(customer, "sent twice");

        post(form, sign(form)).then().statusCode(200);
        post(form, sign(form)).then().statusCode(200);
        sendSms(customer, "and then a second message").then().statusCode(200);

        String conversationId = awaitConversationAssignedTo(agent, customer);
        await().atMost(WAIT).untilAsserted(() -> assertThat(conversation(conversationId).getList("messages.text"))
                .containsExactly("sent twice", "and then a second message"));
    }

    @Test
    void aBadSignatureIsRefusedAndNothingArrives() {
        String agent = onlineAgent();
        String customer = phoneNumber();
        Map<String, String> form = smsForm(customer, "forged");

        post(form, "Zm9yZ2VkIHNpZ25hdHVyZQ==").then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));

        sendSms(customer, "the real one").then().statusCode(200);
        String conversationId = awaitConversationAssignedTo(agent, customer);
        assertThat(conversation(conversationId).getList("messages.text")).containsExactly("the real one");
    }

    @Test
    void aMessageWaitsUntilAnAgentComesOnline() {
        String customer = phoneNumber();
        sendSms(customer, "anyone there?").then().statusCode(200);
        String conversationId = await().atMost(WAIT).until(() -> conversationOf(customer), id -> id != null);
        assertThat(conversation(conversationId).getString("assigneeAgentId")).isNull();

        String agent = onlineAgent();

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(conversation(conversationId).getString("assigneeAgentId")).isEqualTo(agent));
    }

    private String onlineAgent() {
        String agent = "agent-" + UUID.randomUUID();
        given().baseUri(gateway.routing.url()).contentType("application/json")
                .body("{\"name\":\"Agent\",\"channels\":{\"sms\":5}}")
                .put("/api/v1/agents/" + agent).then().statusCode(201);
        setPresence(agent, "ONLINE");
        agents.add(agent);
        return agent;
    }

    private static void setPresence(String agent, String presence) {
        given().baseUri(gateway.routing.url()).contentType("application/json")
                .body("{\"presence\":\"" + presence + "\"}")
                .put("/api/v1/agents/" + agent + "/presence").then().statusCode(200);
    }

    private static String awaitConversationAssignedTo(String agent, String customer) {
        return await().atMost(WAIT).until(() -> {
            JsonPath mine = given().baseUri(gateway.conversations.url()).auth().oauth2(supervisorToken)
                    .queryParam("assignee", agent).queryParam("status", "open")
                    .get("/api/v1/conversations").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = mine.getList("items");
            return items.stream().filter(c -> customer.equals(handleOf(c))).map(c -> (String) c.get("id"))
                    .findFirst().orElse(null);
        }, id -> id != null);
    }

    /** The conversation of {@code customer} in the open list, assigned or not, if it exists yet. */
    private static String conversationOf(String customer) {
        JsonPath open = given().baseUri(gateway.conversations.url()).auth().oauth2(supervisorToken).queryParam("status", "open").queryParam("limit", 200)
                .get("/api/v1/conversations").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = open.getList("items");
        return items.stream().filter(c -> customer.equals(handleOf(c))).map(c -> (String) c.get("id"))
                .findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static String handleOf(Map<String, Object> conversation) {
        Object customer = conversation.get("customer");
        return customer instanceof Map<?, ?> map ? (String) ((Map<String, Object>) map).get("handle") : null;
    }

    private static JsonPath conversation(String id) {
        return given().baseUri(gateway.conversations.url()).auth().oauth2(supervisorToken).get("/api/v1/conversations/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    private static String phoneNumber() {
        return "+1415" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
    }

    private static Map<String, String> smsForm(String from, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
        form.put("AccountSid", "ACsystemtest");
        form.put("From", from);
        form.put("To", INBOX);
        form.put("Body", text);
        form.put("NumMedia", "0");
        return form;
    }

    private static Response sendSms(String from, String text) {
        Map<String, String> form = smsForm(from, text);
        return post(form, sign(form));
    }

    private static Response post(Map<String, String> form, String signature) {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return given().baseUri(gateway.adapters.url()).contentType("application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature).body(body.toString()).post("/webhooks/sms/twilio");
    }

    /** Twilio's algorithm, written independently of the adapter's: Base64(HMAC-SHA1(token, url + sorted name+value)). */
    private static String sign(Map<String, String> form) {
        StringBuilder signed = new StringBuilder(RunningGateway.PUBLIC_BASE_URL + "/webhooks/sms/twilio");
        new TreeMap<>(form).forEach((name, value) -> signed.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(RunningGateway.TWILIO_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
