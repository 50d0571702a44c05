package io.omnichannel.gateway.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Where a child process's output lines go. */
@FunctionalInterface
public interface LineSink {

    void line(String processName, String line);

    /** Prints every line to standard output behind the process's name, e.g. {@code [kafka] ...}. */
    static LineSink prefixed() {
        return (name, line) -> {
            synchronized (System.out) {
                System.out.println("[" + name + "] " + line);
            }
        };
    }

    /** Appends each process's lines to {@code <dir>/<name>.log}. */
    static LineSink files(Path dir) {
        return (name, line) -> {
            try {
                Files.createDirectories(dir);
                try (Writer writer = Files.newBufferedWriter(dir.resolve(name + ".log"), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                    writer.write(line);
                    writer.write('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
