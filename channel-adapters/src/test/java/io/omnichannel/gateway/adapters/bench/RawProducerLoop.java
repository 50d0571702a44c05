package io.omnichannel.gateway.adapters.bench;

import io.omnichannel.gateway.contract.Channel;
import io.omnichannel.gateway.contract.CloudEventRecords;
import io.omnichannel.gateway.contract.CustomerRef;
import io.omnichannel.gateway.contract.EventTypes;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.contract.MessageIds;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The baseline: a plain Kafka producer with the adapter's producer settings (acks=all, idempotence,
 * the same linger) sending records just like the adapter's (same CloudEvent headers, same JSON value,
 * same key spread) as fast as the broker takes them. What Kafka's ProducerPerformance does, with the
 * adapter's record instead of random bytes.
 */
final class RawProducerLoop {

    record Result(int records, double seconds, int recordBytes) {
        double perSecond() {
            return records / seconds;
        }
    }

    private RawProducerLoop() {
    }

    static ProducerRecord<String, byte[]> record(String topic, long n) {
        String externalId = "SM" + String.format("%032x", n);
        InboundMessage message = new InboundMessage(MessageIds.forProviderMessage("twilio", SignedSms.INBOX_NUMBER, externalId),
                Channel.SMS, "twilio", SignedSms.INBOX_NUMBER, externalId, null, new CustomerRef(SignedSms.customer(n), null),
                null, Instant.now(), null, SignedSms.TEXT, null, null, null,
                Map.of("AccountSid", "ACbench", "NumSegments", "1", "To", SignedSms.INBOX_NUMBER));
        return CloudEventRecords.record(topic, message.conversationKey(), message.id(), EventTypes.INBOUND_MESSAGE,
                URI.create("/channel-adapters/sms/twilio"), message.receivedAt(), message);
    }

    static int size(ProducerRecord<String, byte[]> record) {
        int size = record.key().length() + record.value().length;
        for (Header header : record.headers()) {
            size += header.key().length() + header.value().length;
        }
        return size;
    }

    static Result run(String bootstrapServers, String topic, int records, int lingerMs) throws InterruptedException {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        ProducerRecord<String, byte[]>[] prepared = prepare(topic, records);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.partitionsFor(topic);
            CountDownLatch acked = new CountDownLatch(records);
            AtomicInteger failed = new AtomicInteger();
            long start = System.nanoTime();
            for (ProducerRecord<String, byte[]> record : prepared) {
                producer.send(record, (metadata, error) -> {
                    if (error != null) {
                        failed.incrementAndGet();
                    }
                    acked.countDown();
                });
            }
            if (!acked.await(5, TimeUnit.MINUTES) || failed.get() > 0) {
                throw new IllegalStateException(failed.get() + " raw records failed");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            producer.close(Duration.ofSeconds(10));
            return new Result(records, seconds, size(prepared[0]));
        }
    }

    @SuppressWarnings("unchecked")
    private static ProducerRecord<String, byte[]>[] prepare(String topic, int records) {
        ProducerRecord<String, byte[]>[] prepared = new ProducerRecord[records];
        for (int i = 0; i < records; i++) {
            prepared[i] = record(topic, 1_000_000_000L + i);
        }
        return prepared;
    }
}
