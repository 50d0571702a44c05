package io.omnichannel.gateway.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class CloudEventRecordsTest {

    private final InboundMessage message = new InboundMessage("id-1", Channel.SMS, "twilio", "+15550001111", "SM1", null,
            new CustomerRef("+15552223333", null), null, Instant.parse("2026-11-23T10:00:00Z"), null,
            "سلام، 你好", null, List.of(new Attachment("a.jpg", "image/jpeg", null, "https://x/a.jpg")), "fa",
            Map.of("NumSegments", "1"));

    @Test
    void writesBinaryModeHeadersAndJsonData() {
        ProducerRecord<String, byte[]> record = CloudEventRecords.record(Topics.INBOUND, message.conversationKey(),
                message.id(), EventTypes.INBOUND_MESSAGE, URI.create("/channel-adapters/sms/twilio"),
                message.receivedAt(), message);

        assertThat(record.key()).isEqualTo("sms:+15550001111:+15552223333");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isEqualTo("id-1");
        assertThat(header(record, "ce_type")).isEqualTo(EventTypes.INBOUND_MESSAGE);
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .contains("\"channel\":\"sms\"", "\"receivedAt\":\"2026-11-23T10:00:00Z\"", "سلام، 你好")
                .doesNotContain("conversationKey", "\"html\"");
    }

    @Test
    void readsBackWhatItWrote() {
        ProducerRecord<String, byte[]> written = CloudEventRecords.record(Topics.INBOUND, message.conversationKey(),
                message.id(), EventTypes.INBOUND_MESSAGE, URI.create("/test"), message.receivedAt(), message);
        ConsumerRecord<String, byte[]> received = new ConsumerRecord<>(Topics.INBOUND, 0, 0, written.key(), written.value());
        written.headers().forEach(h -> received.headers().add(h));

        CloudEvent event = CloudEventRecords.read(received);

        assertThat(event.getType()).isEqualTo(EventTypes.INBOUND_MESSAGE);
        assertThat(CloudEventRecords.data(event, InboundMessage.class)).isEqualTo(message);
    }

    @Test
    void rejectsRecordsThatAreNotCloudEvents() {
        ConsumerRecord<String, byte[]> plain = new ConsumerRecord<>(Topics.INBOUND, 0, 0, "k", "{}".getBytes());
        assertThatThrownBy(() -> CloudEventRecords.read(plain)).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void namesTheMissingFieldOfAMalformedEvent() {
        assertThatThrownBy(() -> EventJson.read("{\"id\":\"x\",\"channel\":\"sms\"}".getBytes(), InboundMessage.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("provider");
        assertThatThrownBy(() -> EventJson.read("{\"channel\":\"fax\"}".getBytes(), InboundMessage.class))
                .hasMessageContaining("unknown channel 'fax'");
    }

    @Test
    void keysAReplyByTheConversationItAnswers() {
        OutboundMessage sameChannel = new OutboundMessage("r1", "c1", Channel.SMS, "twilio", "+1555", "+1666", "ana",
                null, "hi", null, null, null, Instant.EPOCH, null);
        assertThat(sameChannel.conversationKey()).isEqualTo("sms:+1555:+1666");

        OutboundMessage callBackBySms = new OutboundMessage("r2", "c2", Channel.SMS, "twilio", "+1555", "+1666", "ana",
                null, "we tried to call you", null, null, null, Instant.EPOCH, null, "phone:connect-main:+1666");
        byte[] json = EventJson.write(callBackBySms);
        assertThat(EventJson.read(json, OutboundMessage.class)).isEqualTo(callBackBySms);
        assertThat(EventJson.read(json, OutboundMessage.class).conversationKey()).isEqualTo("phone:connect-main:+1666");
    }

    @Test
    void givesTheSameIdToTheSameProviderMessage() {
        assertThat(MessageIds.forProviderMessage("twilio", "+1555", "SM1"))
                .isEqualTo(MessageIds.forProviderMessage("twilio", "+1555", "SM1"))
                .isNotEqualTo(MessageIds.forProviderMessage("twilio", "+1555", "SM2"));
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
