package io.omnichannel.gateway.adapters.publish;

import io.omnichannel.gateway.adapters.config.AdaptersConfig;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The producer of the inbound webhooks: the service kit's durability settings (acks=all,
 * idempotence, short timeouts) with a configurable linger ({@code adapters.inbound-linger}, 1 ms
 * like the kit's by default), to trade a few milliseconds for larger batches under heavy load.
 */
@ApplicationScoped
public class InboundProducer {

    @Produces
    @ApplicationScoped
    @Identifier("inbound")
    Producer<String, byte[]> producer(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            AdaptersConfig config) {
        Map<String, Object> settings = new HashMap<>(kafkaConfig);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, (int) config.inboundLinger().toMillis());
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Duration.ofSeconds(3).toMillis());
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(3).toMillis());
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(5).toMillis());
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "channel-adapters-inbound");
        return new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }

    void close(@Disposes @Identifier("inbound") Producer<String, byte[]> producer) {
        producer.close(Duration.ofSeconds(5));
    }
}
