package io.omnichannel.gateway.localstack;

import java.io.IOException;
import java.io.InputStream;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ends a child process when its parent goes away. The parent keeps the child's standard input
 * open; end-of-file means the parent closed it on purpose or died (even by SIGKILL), so a crashed
 * test run never leaves a broker or a database behind. The child's shutdown hooks do the stopping.
 *
 * <p>Ctrl-C in a terminal sends SIGINT to every process of the foreground group; the children ignore
 * it so that the parent stops the services first and the broker and database after them (consumers
 * then leave their groups cleanly instead of holding partitions until their session times out).
 */
final class ParentWatch {

    private ParentWatch() {
    }

    static void exitWhenParentGone() {
        Signal.handle(new Signal("INT"), SignalHandler.SIG_IGN);
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
