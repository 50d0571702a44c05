package io.omnichannel.gateway.adapters.chat;

import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.inbox.InboxRegistry;
import io.omnichannel.gateway.adapters.publish.BrokerUnavailableException;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import io.omnichannel.gateway.contract.InboundMessage;
import io.omnichannel.gateway.contract.ProblemDetail;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The widget's socket, {@code /chat/ws/{inbox}}: JSON frames (see {@link ClientFrame}, {@link ServerFrame}).
 * A session starts with {@code hello}; each {@code message} is answered {@code accepted} once it is on
 * the broker; agent messages are pushed as they are stored and on (re)connect from the cursor the
 * hello gave. Frames are handled one at a time per socket, on a worker thread.
 *
 * <p>Refused frames get an {@code error} frame (problem-like, with the {@code clientMessageId} of a
 * refused message); the socket stays open, except for a visitor that cannot be identified
 * (closed with 4400, 4401 or 4403: the HTTP status + 4000) and a client that keeps flooding (1008).
 */
@WebSocket(path = "/chat/ws/{inbox}", endpointId = ChatSocket.ENDPOINT_ID)
public class ChatSocket {

    static final String ENDPOINT_ID = "webchat";
    static final int POLICY_VIOLATION = 1008;
    private static final UserData.TypedKey<ChatSession> SESSION = new UserData.TypedKey<>("webchat.session");
    private static final long PUBLISH_TIMEOUT_SECONDS = 30;

    private final InboxRegistry inboxes;
    private final ChatInbound inbound;
    private final ChatSessions sessions;
    private final ChatReplies replies;
    private final ChatReceipts receipts;
    private final ExpectedWaits waits;
    private final ChatConfig config;

    ChatSocket(InboxRegistry inboxes, ChatInbound inbound, ChatSessions sessions, ChatReplies replies, ChatReceipts receipts,
            ExpectedWaits waits, ChatConfig config) {
        this.inboxes = inboxes;
        this.inbound = inbound;
        this.sessions = sessions;
        this.replies = replies;
        this.receipts = receipts;
        this.waits = waits;
        this.config = config;
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        connection.userData().put(SESSION, new ChatSession(connection, new FrameRate(config.messagesPerSecond(), config.burst())));
    }

    @OnTextMessage
    void frame(WebSocketConnection connection, String text) {
        ChatSession session = connection.userData().get(SESSION);
        int refusedInARow = session.admit();
        if (refusedInARow > 0) {
            if (refusedInARow >= config.floodClose()) {
                Log.infof("chat session %s closed: %d frames in a row over the rate", session.id(), refusedInARow);
                session.close(POLICY_VIOLATION, "too many frames");
            } else if (refusedInARow == 1) {
                refuse(session, ChatRefusedException.flooding(config.messagesPerSecond()).problem(), null);
            }
            return;
        }
        ClientFrame frame;
        try {
            frame = inbound.frames().read(text);
        } catch (WebhookRejectedException | ChatRefusedException e) {
            refuse(session, ChatFrames.problemOf(e), null);
            return;
        }
        Inbox inbox = inboxes.require(WebChat.PROVIDER, connection.pathParam("inbox"));
        if (frame instanceof ClientFrame.Hello hello) {
            hello(session, inbox, hello);
        } else if (session.greeting() == null) {
            refuse(session, WebhookRejectedException.malformed("type", "send a hello frame first").problem(),
                    frame instanceof ClientFrame.Post post ? post.clientMessageId() : null);
        } else if (frame instanceof ClientFrame.Post post) {
            post(session, inbox, post);
        } else if (frame instanceof ClientFrame.Ack ack) {
            ack(session, ack);
        }
    }

    @OnClose
    void close(WebSocketConnection connection) {
        ChatSession session = connection.userData().get(SESSION);
        if (session != null) {
            sessions.remove(session);
        }
    }

    private void hello(ChatSession session, Inbox inbox, ClientFrame.Hello hello) {
        if (session.greeting() != null) {
            refuse(session, WebhookRejectedException.malformed("type", "this session already said hello").problem(), null);
            return;
        }
        Visitor visitor;
        try {
            visitor = Visitor.identify(inbox, hello.visitorId(), hello.signature());
        } catch (WebhookRejectedException e) {
            refuse(session, e.problem(), null);
            session.close(4000 + e.problem().status(), e.problem().title());
            return;
        }
        long last = replies.lastCursor(inbox.id(), visitor.handle());
        // a widget ahead of the store (its replies were removed) follows the store from now on
        long after = Math.min(last, hello.after() == null ? 0 : Math.max(0, hello.after()));
        session.greet(new ChatSession.Greeting(visitor, hello.signature(), hello.name(), hello.language(), hello.page()), after);
        session.send(new ServerFrame.Ready(visitor.id(), visitor.conversationKey(), last,
                new ServerFrame.Limits(config.maxTextLength(), config.maxFrameBytes(), config.messagesPerSecond())));
        sessions.add(session);
        sessions.push(session);
        sendExpectedWait(session, inbox);
    }

    private void post(ChatSession session, Inbox inbox, ClientFrame.Post post) {
        try {
            inbound.frames().checked(post);
            InboundMessage message = inbound.post(inbox, ChatInbound.fromSocket(session.greeting(), post))
                    .toCompletableFuture().get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            session.send(new ServerFrame.Accepted(post.clientMessageId(), message.id()));
            sendExpectedWait(session, inbox);
        } catch (WebhookRejectedException | ChatRefusedException e) {
            refuse(session, ChatFrames.problemOf(e), post.clientMessageId());
        } catch (ExecutionException | CompletionException | TimeoutException | BrokerUnavailableException e) {
            Throwable cause = e instanceof ExecutionException || e instanceof CompletionException ? e.getCause() : e;
            if (cause instanceof WebhookRejectedException || cause instanceof ChatRefusedException) {
                refuse(session, ChatFrames.problemOf((RuntimeException) cause), post.clientMessageId());
                return;
            }
            Log.warnf("chat message %s of %s not published: %s", post.clientMessageId(), session.visitor().conversationKey(),
                    cause == null ? e : cause.getMessage());
            refuse(session, ProblemDetail.of("broker-unavailable", "Service unavailable", 503,
                    "the message could not be stored durably right now; it is sent again on reconnect"), post.clientMessageId());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void ack(ChatSession session, ClientFrame.Ack ack) {
        if (ack.cursor() == null || ack.cursor() < 1) {
            refuse(session, WebhookRejectedException.malformed("cursor",
                    "cursor must be the cursor (1 or more) of the last agent message the widget has").problem(), null);
            return;
        }
        if (!"delivered".equals(ack.status()) && !"read".equals(ack.status())) {
            refuse(session, WebhookRejectedException.malformed("status", "status must be delivered or read").problem(), null);
            return;
        }
        receipts.acknowledge(session.visitor(), ack.cursor(), "read".equals(ack.status()));
    }

    private void sendExpectedWait(ChatSession session, Inbox inbox) {
        waits.forInbox(inbox.id()).thenAccept(estimate -> estimate.ifPresent(
                wait -> session.send(new ServerFrame.ExpectedWait(wait.seconds(), wait.waitingAhead()))));
    }

    private static void refuse(ChatSession session, ProblemDetail problem, String clientMessageId) {
        session.send(ServerFrame.Error.of(problem, clientMessageId));
    }
}
