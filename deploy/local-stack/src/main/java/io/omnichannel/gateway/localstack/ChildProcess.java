package io.omnichannel.gateway.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A process started by the local stack: its output goes line by line to a {@link LineSink}, its
 * standard input stays open so that it can notice when we are gone, and {@link #close()} stops it
 * and everything it started.
 */
public final class ChildProcess implements AutoCloseable {

    private static final int RECENT_LINES = 60;

    private final String name;
    private final Process process;
    private final Deque<String> recentLines = new ArrayDeque<>();
    private final Duration gracePeriod;
    private final boolean stopsOnEndOfInput;

    private ChildProcess(String name, Process process, LineSink sink, Duration gracePeriod, boolean stopsOnEndOfInput) {
        this.name = name;
        this.process = process;
        this.gracePeriod = gracePeriod;
        this.stopsOnEndOfInput = stopsOnEndOfInput;
        Thread pump = new Thread(() -> pump(sink), name + "-output");
        pump.setDaemon(true);
        pump.start();
    }

    /**
     * Starts {@code command}.
     *
     * @param gracePeriod       how long {@link #close()} waits for an orderly exit before killing
     * @param stopsOnEndOfInput the process ends when its input closes (our own mains, see ParentWatch);
     *                          others are asked to stop with SIGTERM
     */
    public static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path workDir,
            LineSink sink, Duration gracePeriod, boolean stopsOnEndOfInput) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(workDir.toFile());
        builder.environment().putAll(environment);
        try {
            return new ChildProcess(name, builder.start(), sink, gracePeriod, stopsOnEndOfInput);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " (" + e.getMessage() + "): " + String.join(" ", command), e);
        }
    }

    /**
     * The command line that runs {@code mainClass} in a new JVM of the same Java installation; with a
     * null class and classpath the JVM options say what to run (e.g. {@code -jar app.jar}).
     */
    public static List<String> javaCommand(List<String> jvmOptions, String classpath, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        if (classpath != null) {
            command.add("-cp");
            command.add(classpath);
        }
        if (mainClass != null) {
            command.add(mainClass);
        }
        command.addAll(args);
        return command;
    }

    public String name() {
        return name;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the process prints a line containing {@code marker}. */
    public void awaitLine(String marker, Duration timeout) {
        awaitUntil(() -> {
            synchronized (recentLines) {
                return recentLines.stream().anyMatch(line -> line.contains(marker));
            }
        }, timeout, "print '" + marker + "'");
    }

    /** Waits until {@code condition} holds; fails at once, with the process's last output, if it exits. */
    public void awaitUntil(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with status " + process.exitValue()
                        + " before it could " + what + ". Its last output:\n" + recentOutput());
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException(name + " did not " + what + " within " + timeout.toSeconds()
                        + " s. Its last output:\n" + recentOutput());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
        }
    }

    public String recentOutput() {
        synchronized (recentLines) {
            return String.join("\n", recentLines);
        }
    }

    /** Kills the process at once (SIGKILL), as a crash would. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the process to stop (end of its input, or SIGTERM), and kills it and its children after the grace period. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already closed: the process is going away anyway
        }
        try {
            if (!stopsOnEndOfInput) {
                process.destroy();
            }
            if (!process.waitFor(gracePeriod.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroy();
                if (!process.waitFor(gracePeriod.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private void pump(LineSink sink) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (recentLines) {
                    if (recentLines.size() == RECENT_LINES) {
                        recentLines.removeFirst();
                    }
                    recentLines.addLast(line);
                }
                sink.line(name, line);
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }
}
