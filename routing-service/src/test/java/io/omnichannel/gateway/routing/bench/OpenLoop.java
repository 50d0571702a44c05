package io.omnichannel.gateway.routing.bench;

import io.omnichannel.gateway.localstack.Latencies;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends prepared records at a fixed rate and waits for the matching answer on another topic. Each
 * record has an intended send time and its latency is measured from then, so a system that falls
 * behind shows it (no coordinated omission). What counts as the answer, and for which record, is
 * up to the caller: the routing service's {@code assigned} event, or the record itself for the
 * raw round trip.
 */
final class OpenLoop implements AutoCloseable {

    /** Reads an answer: the key of the record it answers, or null when it answers none. */
    interface Matcher {
        String answered(ConsumerRecord<String, byte[]> record);
    }

    record Result(String label, int sent, int answered, double p50, double p99, double max) {
    }

    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;

    OpenLoop(String bootstrapServers, String answerTopic, int lingerMs) {
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // fetch.min.bytes stays 1, so the broker answers a fetch as soon as a record arrives: a short fetch.max.wait
        // would not lower the latency, only make the idle consumer and the broker spin on the shared cores
        consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(answerTopic).stream()
                .map(p -> new TopicPartition(answerTopic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** Sends {@code records} at {@code rate} per second and waits up to {@code patience} for every answer. */
    Result run(String label, List<ProducerRecord<String, byte[]>> records, int rate, Matcher matcher, Duration patience)
            throws InterruptedException {
        Map<String, Long> intended = new ConcurrentHashMap<>();
        Latencies latencies = new Latencies(records.size());
        CountDownLatch answered = new CountDownLatch(records.size());
        AtomicInteger failed = new AtomicInteger();
        Thread reader = new Thread(() -> {
            while (answered.getCount() > 0 && !Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(5))) {
                    long now = System.nanoTime();
                    String key = matcher.answered(record);
                    Long sentAt = key == null ? null : intended.remove(key);
                    if (sentAt != null) {
                        latencies.record(now - sentAt);
                        answered.countDown();
                    }
                }
            }
        }, "answers");
        reader.start();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime() + 5_000_000;
        for (int i = 0; i < records.size(); i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            ProducerRecord<String, byte[]> record = records.get(i);
            intended.put(record.key(), due);
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    failed.incrementAndGet();
                }
            });
        }
        producer.flush();
        boolean complete = answered.await(records.size() / rate + patience.toSeconds(), TimeUnit.SECONDS);
        reader.interrupt();
        reader.join(10_000);
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " records of " + label + " were not acknowledged");
        }
        int count = latencies.count();
        if (!complete) {
            System.out.println("[bench] " + label + ": only " + count + " of " + records.size() + " answered in time");
        }
        return new Result(label, records.size(), count, latencies.percentileMillis(50), latencies.percentileMillis(99),
                latencies.percentileMillis(100));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
        consumer.close();
    }
}
