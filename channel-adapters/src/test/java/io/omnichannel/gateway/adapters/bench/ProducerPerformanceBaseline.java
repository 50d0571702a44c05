package io.omnichannel.gateway.adapters.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw baseline: Kafka's own {@code org.apache.kafka.tools.ProducerPerformance} (kafka-tools, the
 * broker's version), what {@code kafka-producer-perf-test.sh} runs, in a JVM of its own against the
 * same broker: records of the adapter's record size, acks=all, idempotence and the adapter's linger,
 * as fast as the broker takes them ({@code --throughput -1}).
 */
final class ProducerPerformanceBaseline {

    /** The summary line: "200000 records sent, 35000.2 records/sec (22.96 MB/sec), ... 12 ms 50th, ... 80 ms 99th, ...". */
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), "
            + "([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th");

    record Result(long records, double perSecond, double megabytesPerSecond, int p50Ms, int p99Ms, int recordBytes) {
    }

    private ProducerPerformanceBaseline() {
    }

    static Result run(String bootstrapServers, String topic, int records, int recordBytes, int lingerMs)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "org.apache.kafka.tools.ProducerPerformance",
                "--topic", topic,
                "--num-records", Integer.toString(records),
                "--record-size", Integer.toString(recordBytes),
                "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bootstrapServers, "acks=all", "enable.idempotence=true",
                "linger.ms=" + lingerMs));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Result result = null;
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
                Matcher summary = SUMMARY.matcher(line);
                if (summary.find()) {
                    result = new Result(Long.parseLong(summary.group(1)), Double.parseDouble(summary.group(2)),
                            Double.parseDouble(summary.group(3)), Integer.parseInt(summary.group(6)),
                            Integer.parseInt(summary.group(8)), recordBytes);
                }
            }
        }
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0 || result == null) {
            process.destroyForcibly();
            throw new IllegalStateException("ProducerPerformance did not report a summary:\n" + output);
        }
        return result;
    }
}
