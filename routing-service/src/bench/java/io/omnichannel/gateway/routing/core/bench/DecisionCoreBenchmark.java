package io.omnichannel.gateway.routing.core.bench;

import io.omnichannel.gateway.routing.core.Decision;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decision cost of {@code core} (the indexed {@code DecisionCore}) and {@code naive} (the linear-scan
 * {@code ReferenceRouter}, same rules) on the same {@link Workload}: 10,000 agents, 1,000 to 100,000
 * waiting items, LEAST_BUSY, phone exclusive.
 *
 * <ul>
 * <li>{@code drain}: a freshly loaded router makes {@link #decisionsPerShot} decisions in a row (one
 * timed shot per iteration; loading is not timed).</li>
 * <li>{@code cycle}: steady state, one operation = one decision + the agent who has held work longest
 * releases one conversation + a new item arrives, so the queue and the agents' load stay level.</li>
 * </ul>
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class DecisionCoreBenchmark {

    static final long SEED = 20_260_101L;

    /** Decisions per timed {@code drain} shot: the naive router is too slow for more at 100,000 items. */
    static int decisionsPerShot(String router, int items) {
        return Math.min(items / 2, "core".equals(router) ? 20_000 : 100);
    }

    @State(Scope.Thread)
    public static class Drain {
        @Param({"core", "naive"})
        public String router;
        @Param({"1000", "10000", "100000"})
        public int items;
        @Param({"10000"})
        public int agents;

        Workload workload;
        Router loaded;
        int decisions;
        int made;

        @Setup(Level.Trial)
        public void generate() {
            workload = Workload.generate(agents, items, SEED);
            decisions = decisionsPerShot(router, items);
            if ("core".equals(router)) {
                warmUp(Workload.generate(agents, items, SEED + 1));
            }
        }

        /**
         * A shot of the small queues is a few hundred decisions, too few to get the decision path
         * compiled within the warm-up shots: run it untimed first (decisions, releases, new items).
         */
        private static void warmUp(Workload other) {
            Router warm = Router.named("core");
            other.into(warm);
            for (int i = 0; i < 200_000; i++) {
                Decision decision = warm.next(Workload.NOW);
                if (decision != null) {
                    warm.release(decision.agentId(), decision.work().channel());
                    warm.addWork(other.item(Workload.NOW));
                }
            }
        }

        @Setup(Level.Iteration)
        public void load() {
            loaded = Router.named(router);
            workload.into(loaded);
            made = 0;
        }

        @TearDown(Level.Iteration)
        public void check() {
            if (made != decisions) {
                throw new IllegalStateException("only " + made + " of " + decisions + " decisions were possible");
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 4)
    @Measurement(iterations = 6)
    public int drain(Drain state) {
        Router router = state.loaded;
        int made = 0;
        for (int i = 0; i < state.decisions; i++) {
            if (router.next(Workload.NOW) != null) {
                made++;
            }
        }
        state.made = made;
        return made;
    }

    @State(Scope.Thread)
    public static class Cycle {
        @Param({"core", "naive"})
        public String router;
        @Param({"1000", "10000", "100000"})
        public int items;
        @Param({"10000"})
        public int agents;

        Workload workload;
        Router loaded;
        ArrayDeque<Workload.Held> held;
        long now;

        @Setup(Level.Trial)
        public void load() {
            workload = Workload.generate(agents, items, SEED);
            loaded = Router.named(router);
            workload.into(loaded);
            held = new ArrayDeque<>(workload.held);
            now = Workload.NOW;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public Decision cycle(Cycle state) {
        long now = state.now += 10;
        Router router = state.loaded;
        Decision decision = router.next(now);
        if (decision != null) {
            state.held.addLast(new Workload.Held(decision.agentId(), decision.work().channel()));
            router.addWork(state.workload.item(now));
        }
        Workload.Held done = state.held.pollFirst();
        if (done != null) {
            router.release(done.agentId(), done.channel());
        }
        return decision;
    }
}
