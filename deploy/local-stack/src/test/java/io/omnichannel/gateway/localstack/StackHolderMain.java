package io.omnichannel.gateway.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Starts a stack and prints the pids of its processes, then waits to be killed (see {@link LocalStackTest}). */
public final class StackHolderMain {

    private StackHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        LocalStack stack = LocalStack.start(LocalStack.Options.forTests(List.of("gateway")));
        ProcessHandle.current().descendants().forEach(process -> System.out.println("PID " + process.pid()));
        // The PostgreSQL server detaches from its supervisor; its pid is in the data directory.
        Path postmasterPid = stack.options().workDir().resolve("postgres/data/postmaster.pid");
        System.out.println("PID " + Files.readAllLines(postmasterPid).get(0).trim());
        System.out.println("STACK UP " + stack.kafkaBootstrapServers());
        Thread.currentThread().join();
    }
}
