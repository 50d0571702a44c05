package io.omnichannel.gateway.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what is on a topic, from the beginning, for tests that check what a service published. */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public TopicProbe(String bootstrapServers, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Everything read so far plus whatever arrives within {@code wait}. */
    public List<ConsumerRecord<String, byte[]>> poll(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        do {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        } while (System.nanoTime() < deadline);
        return List.copyOf(seen);
    }

    /** Polls until {@code count} records match, or {@code timeout}; returns the matching records. */
    public List<ConsumerRecord<String, byte[]>> await(Predicate<ConsumerRecord<String, byte[]>> match, int count,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<String, byte[]>> matching;
        do {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            matching = seen.stream().filter(match).toList();
        } while (matching.size() < count && System.nanoTime() < deadline);
        return matching;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
