package io.omnichannel.gateway.adapters.chat;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import java.time.Duration;

/**
 * One widget's socket: its rate, and once it said hello, its visitor and the cursor of the last
 * agent message it was sent. Frames are sent one at a time, in order.
 */
final class ChatSession {

    /** A client that does not take a frame within this long is treated as gone. */
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);
    static final int GOING_AWAY = 1001;

    private final WebSocketConnection connection;
    private final FrameRate rate;
    private int refusedInARow;
    private volatile Greeting greeting;
    private volatile long cursor;

    /** What the hello said. */
    record Greeting(Visitor visitor, String signature, String name, String language, String page) {
    }

    ChatSession(WebSocketConnection connection, FrameRate rate) {
        this.connection = connection;
        this.rate = rate;
    }

    String id() {
        return connection.id();
    }

    /** @return how many frames in a row were refused for the rate, 0 when this one is allowed */
    synchronized int admit() {
        if (rate.tryAcquire()) {
            refusedInARow = 0;
        } else {
            refusedInARow++;
        }
        return refusedInARow;
    }

    Greeting greeting() {
        return greeting;
    }

    Visitor visitor() {
        return greeting == null ? null : greeting.visitor();
    }

    synchronized void greet(Greeting hello, long after) {
        this.greeting = hello;
        this.cursor = Math.max(0, after);
    }

    /** Guarded by the session: the catch-up reads and advances it while sending. */
    long cursor() {
        return cursor;
    }

    void advance(long sent) {
        cursor = Math.max(cursor, sent);
    }

    boolean isOpen() {
        return connection.isOpen();
    }

    /** Sends a frame; a client that does not take it in time is disconnected (it catches up when it returns). */
    synchronized boolean send(ServerFrame frame) {
        if (!connection.isOpen()) {
            return false;
        }
        try {
            connection.sendText(ChatFrames.write(frame)).await().atMost(SEND_TIMEOUT);
            return true;
        } catch (RuntimeException e) {
            Log.infof("chat session %s: could not send a %s frame (%s); closing it", id(), frame.type(), e.getMessage());
            close(GOING_AWAY, "not taking frames");
            return false;
        }
    }

    void close(int code, String reason) {
        if (connection.isOpen()) {
            connection.close(new CloseReason(code, reason)).subscribe().with(done -> { }, failure -> { });
        }
    }
}
