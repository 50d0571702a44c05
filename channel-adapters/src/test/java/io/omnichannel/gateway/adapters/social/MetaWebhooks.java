package io.omnichannel.gateway.adapters.social;

import static io.restassured.RestAssured.given;

import io.omnichannel.gateway.adapters.support.Broker;
import io.omnichannel.gateway.contract.CloudEventRecords;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.contract.Topics;
import io.omnichannel.gateway.localstack.TopicProbe;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Meta webhooks as the component tests post them: bodies in the samples' shape, signed with the test app secret. */
final class MetaWebhooks {

    static final String WA_NUMBER_ID = "1122334455667";

    private MetaWebhooks() {
    }

    /** A WhatsApp customer's number, different in every test. */
    static String customerNumber() {
        return "4477009" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }

    static String whatsappText(String phoneNumberId, String from, String wamid, long timestamp, String text) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"1234567890987654321","changes":[{"value":{
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001111","phone_number_id":"%s"},
                "contacts":[{"profile":{"name":"Ada"},"wa_id":"%s"}],
                "messages":[{"from":"%s","id":"%s","timestamp":"%d","type":"text","text":{"body":"%s"}}]},
                "field":"messages"}]}]}""".formatted(phoneNumberId, from, from, wamid, timestamp, text);
    }

    static String whatsappStatus(String wamid, String recipient, String status, long timestamp) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"5467539754836534","changes":[{"value":{
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001111","phone_number_id":"%s"},
                "statuses":[{"id":"%s","status":"%s","timestamp":"%d","recipient_id":"%s"}]},"field":"messages"}]}]}"""
                .formatted(WA_NUMBER_ID, wamid, status, timestamp, recipient);
    }

    static String pageText(String product, String accountId, String sender, String mid, long timestampMillis, String text) {
        return """
                {"object":"%s","entry":[{"id":"%s","time":%d,"messaging":[{"sender":{"id":"%s"},"recipient":{"id":"%s"},
                "timestamp":%d,"message":{"mid":"%s","text":"%s"}}]}]}"""
                .formatted(product, accountId, timestampMillis, sender, accountId, timestampMillis, mid, text);
    }

    /** POSTs {@code body} to the inbox's callback URL, signed with {@code secret}. */
    static Response post(String path, String body, String secret) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return given().contentType("application/json").header(MetaSignature.HEADER, MetaSignature.sign(secret, bytes))
                .body(bytes).post(path);
    }

    /** Waits for {@code count} inbound messages mentioning {@code marker}, then reads a moment longer for strays. */
    static List<InboundMessage> inbound(String bootstrapServers, String marker, int count) {
        try (TopicProbe inbound = new TopicProbe(bootstrapServers, Topics.INBOUND)) {
            inbound.await(r -> Broker.contains(r, marker), count, Duration.ofSeconds(20));
            return inbound.poll(Duration.ofSeconds(2)).stream().filter(r -> Broker.contains(r, marker))
                    .map(MetaWebhooks::message).toList();
        }
    }

    static InboundMessage message(ConsumerRecord<String, byte[]> record) {
        return CloudEventRecords.data(CloudEventRecords.read(record), InboundMessage.class);
    }
}
