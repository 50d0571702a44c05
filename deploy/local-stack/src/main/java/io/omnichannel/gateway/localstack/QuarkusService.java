package io.omnichannel.gateway.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One of the gateway's packaged Quarkus services running as a child process. */
public final class QuarkusService implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final ChildProcess process;

    private QuarkusService(String name, int port, ChildProcess process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts {@code <moduleDir>/target/quarkus-app/quarkus-run.jar} on {@code port} with {@code environment}
     * (KAFKA_BOOTSTRAP_SERVERS, DB_URL, ...: what the production profile reads).
     */
    public static QuarkusService start(String name, Path moduleDir, int port, Map<String, String> environment,
            List<String> jvmOptions, LineSink output) {
        Path jar = moduleDir.resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw -DskipTests install)");
        }
        Ports.requireFree(port, name);
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-Dquarkus.http.port=" + port);
        options.add("-jar");
        options.add(jar.toString());
        ChildProcess process = ChildProcess.start(name, ChildProcess.javaCommand(options, null, null, List.of()),
                environment, moduleDir, output, Duration.ofSeconds(20), false);
        return new QuarkusService(name, port, process);
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** Waits until {@code /q/health/ready} answers UP. */
    public void awaitReady(Duration timeout) {
        process.awaitUntil(this::isReady, timeout, "report ready at " + url() + "/q/health/ready");
    }

    public boolean isReady() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Kills the service at once (SIGKILL), as a crash would. */
    public void kill() {
        process.kill();
    }

    @Override
    public void close() {
        process.close();
    }
}
