package io.omnichannel.gateway.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Free-port lookup for tests and a clear error when a fixed port is taken. */
public final class Ports {

    private Ports() {
    }

    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface", e);
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
