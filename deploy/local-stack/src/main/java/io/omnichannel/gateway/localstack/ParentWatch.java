package io.omnichannel.gateway.localstack;

import java.io.IOException;
import java.io.InputStream;

/**
 * Ends a child process when its parent goes away. The parent keeps the child's standard input
 * open; end-of-file means the parent closed it on purpose or died (even by SIGKILL), so a crashed
 * test run never leaves a broker or a database behind. The child's shutdown hooks do the stopping,
 * so SIGTERM and SIGINT stop it the same orderly way.
 */
final class ParentWatch {

    private ParentWatch() {
    }

    static void exitWhenParentGone() {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() != -1) {
                    // the parent never writes; anything read is ignored
                }
            } catch (IOException ignored) {
                // a broken pipe means the same as end-of-file
            }
            System.exit(0);
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
