package io.omnichannel.gateway.routing.core.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link DecisionCoreBenchmark} and prints decisions/s and per-decision cost for the core and the
 * naive baseline, their ratio, and how the cost grows from the smallest to the largest queue.
 *
 * <p>{@code ./mvnw -B -pl routing-service -Pbench test-compile exec:exec}; JMH options through
 * {@code -Dbench.args="..."} (for example {@code -f 2 -i 10}, or {@code cycle} for one benchmark). The
 * summary is also written to {@code target/bench/decision-core.md}.
 */
public final class DecisionCoreBenchmarks {

    private DecisionCoreBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions command = new CommandLineOptions(args);
        OptionsBuilder builder = new OptionsBuilder();
        builder.parent(command);
        if (command.getIncludes().isEmpty()) {
            builder.include(DecisionCoreBenchmark.class.getName());
        }
        Options options = builder.build();
        Collection<RunResult> results = new Runner(options).run();

        String summary = summarize(results);
        System.out.println();
        System.out.println(summary);
        String report = System.getProperty("bench.report");
        if (report != null) {
            Path path = Path.of(report);
            Files.createDirectories(path.getParent());
            Files.writeString(path, summary);
            System.out.println("[bench] written to " + path);
        }
    }

    private static String summarize(Collection<RunResult> results) throws IOException {
        // benchmark -> items -> router -> nanoseconds per decision (score, error)
        Map<String, Map<Integer, Map<String, double[]>>> table = new TreeMap<>();
        int agents = 0;
        for (RunResult run : results) {
            String benchmark = run.getParams().getBenchmark();
            benchmark = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            String router = run.getParams().getParam("router");
            int items = Integer.parseInt(run.getParams().getParam("items"));
            agents = Integer.parseInt(run.getParams().getParam("agents"));
            Result<?> primary = run.getPrimaryResult();
            double perOperation = nanos(primary.getScoreUnit());
            double perDecision = "drain".equals(benchmark) ? DecisionCoreBenchmark.decisionsPerShot(router, items) : 1;
            table.computeIfAbsent(benchmark, key -> new TreeMap<>()).computeIfAbsent(items, key -> new TreeMap<>())
                    .put(router, new double[] {primary.getScore() * perOperation / perDecision,
                        primary.getScoreError() * perOperation / perDecision});
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Decision core vs naive linear scan, %,d agents, LEAST_BUSY, phone exclusive%n", agents));
        for (var benchmark : table.entrySet()) {
            out.append(String.format(Locale.ROOT, "%n%s (%s)%n%n", benchmark.getKey(), "drain".equals(benchmark.getKey())
                    ? "decisions in a row from a freshly loaded router"
                    : "steady state: one decision + one release + one new item"));
            out.append("| waiting items | core ns/decision | core decisions/s | naive ns/decision | naive decisions/s | naive/core |\n");
            out.append("| ---: | ---: | ---: | ---: | ---: | ---: |\n");
            for (var row : benchmark.getValue().entrySet()) {
                double[] core = row.getValue().get("core");
                double[] naive = row.getValue().get("naive");
                out.append(String.format(Locale.ROOT, "| %,d | %s | %s | %s | %s | %s |%n", row.getKey(), cost(core), rate(core),
                        cost(naive), rate(naive), core == null || naive == null ? "-" : String.format(Locale.ROOT, "%,.0f x", naive[0] / core[0])));
            }
            var rows = benchmark.getValue();
            if (rows.size() > 1) {
                int smallest = rows.keySet().stream().min(Integer::compare).orElseThrow();
                int largest = rows.keySet().stream().max(Integer::compare).orElseThrow();
                out.append(String.format(Locale.ROOT, "%nper-decision cost from %,d to %,d items (%,dx the items): core %s, naive %s%n",
                        smallest, largest, largest / smallest, growth(rows, "core", smallest, largest),
                        growth(rows, "naive", smallest, largest)));
            }
        }
        return out.toString();
    }

    private static double nanos(String unit) {
        return switch (unit) {
            case "ns/op" -> 1;
            case "us/op" -> 1_000;
            case "ms/op" -> 1_000_000;
            case "s/op" -> 1_000_000_000;
            default -> throw new IllegalArgumentException("unexpected unit " + unit);
        };
    }

    private static String cost(double[] score) {
        return score == null ? "-" : String.format(Locale.ROOT, "%,.0f ± %,.0f", score[0], score[1]);
    }

    private static String rate(double[] score) {
        return score == null ? "-" : String.format(Locale.ROOT, "%,.0f", 1e9 / score[0]);
    }

    private static String growth(Map<Integer, Map<String, double[]>> rows, String router, int smallest, int largest) {
        double[] from = rows.get(smallest).get(router);
        double[] to = rows.get(largest).get(router);
        return from == null || to == null ? "-" : String.format(Locale.ROOT, "x%.1f", to[0] / from[0]);
    }
}
