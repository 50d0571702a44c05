package io.omnichannel.gateway.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** Free-port lookup for tests and a clear error when a fixed port is taken. */
public final class Ports {

    private Ports() {
    }

    public static int free() {
        return free(1)[0];
    }

    /**
     * {@code count} different free ports. Each stays bound until all are found: a port closed at once
     * can be handed out again by the next lookup (a broker given the same port for two listeners fails).
     */
    public static int[] free(int count) {
        List<ServerSocket> bound = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                bound.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return bound.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface", e);
        } finally {
            for (ServerSocket socket : bound) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // the port is only looked up: nothing was sent on it
                }
            }
        }
    }

    /** @throws PortInUseException when something already listens on {@code port} */
    public static void requireFree(int port, String purpose) {
        if (isOpen(port)) {
            throw new PortInUseException(port, purpose);
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new PortInUseException(port, purpose);
        }
    }

    /** True when a server accepts connections on the loopback {@code port}. */
    public static boolean isOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static final class PortInUseException extends IllegalStateException {
        PortInUseException(int port, String purpose) {
            super("Port " + port + " (" + purpose + ") is already in use. Stop the process that uses it "
                    + "(e.g. 'ss -ltnp | grep :" + port + "') or choose another port.");
        }
    }
}
