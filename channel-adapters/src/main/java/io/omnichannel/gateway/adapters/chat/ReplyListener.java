package io.omnichannel.gateway.adapters.chat;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * How a reply stored by any instance reaches the visitor's socket on this one: a database connection
 * of its own {@code LISTEN}s on {@link ChatReplies#CHANNEL}, and each notification (the conversation
 * key) makes the sessions of that conversation here catch up. As a safety net for notifications
 * missed while that connection was down, every {@code adapters.chat.catch-up-interval} the
 * conversations that got a reply recently are compared with the sessions' cursors, and after the
 * connection is re-established every session catches up.
 */
@ApplicationScoped
public class ReplyListener {

    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(2);
    /** How far back the safety net looks, beyond its interval: a reply committed late is still seen. */
    private static final Duration LOOK_BACK = Duration.ofMinutes(1);
    private static final int WAIT_MILLIS = 500;

    private final DataSource dataSource;
    private final ChatSessions sessions;
    private final ChatReplies replies;
    private final Duration catchUpInterval;
    private volatile boolean running;
    private Thread thread;

    ReplyListener(DataSource dataSource, ChatSessions sessions, ChatReplies replies, ChatConfig config) {
        this.dataSource = dataSource;
        this.sessions = sessions;
        this.replies = replies;
        this.catchUpInterval = config.catchUpInterval();
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        thread = new Thread(this::run, "webchat-reply-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        boolean reconnect = false;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + ChatReplies.CHANNEL);
                }
                if (reconnect) {
                    Log.info("web chat: listening for replies again; the sessions here catch up");
                    sessions.catchUpAll();
                }
                listen(connection.unwrap(PGConnection.class));
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                Log.warnf("web chat: lost the database connection that listens for replies (%s); again in %d s",
                        e.getMessage(), RECONNECT_PAUSE.toSeconds());
                pause();
            }
            reconnect = true;
        }
    }

    private void listen(PGConnection connection) throws SQLException {
        Instant nextCheck = Instant.now().plus(catchUpInterval);
        while (running) {
            PGNotification[] notifications = connection.getNotifications(WAIT_MILLIS);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    sessions.replyStored(notification.getParameter());
                }
            }
            if (Instant.now().isAfter(nextCheck)) {
                if (!sessions.conversations().isEmpty()) {
                    sessions.catchUp(replies.repliedSince(Instant.now().minus(catchUpInterval).minus(LOOK_BACK)));
                }
                nextCheck = Instant.now().plus(catchUpInterval);
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
