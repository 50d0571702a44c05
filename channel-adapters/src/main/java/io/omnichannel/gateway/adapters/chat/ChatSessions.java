package io.omnichannel.gateway.adapters.chat;

import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The visitors' sockets open on this instance, by conversation, and the long polls of the REST
 * fallback waiting for a reply. When a reply is stored (by any instance, see {@link ReplyListener})
 * each session of its conversation is sent whatever it has not had yet, from the database: a
 * session never gets a reply twice nor skips one, whichever way it learnt of it.
 */
@ApplicationScoped
public class ChatSessions {

    private static final int PUSH_THREADS = 4;

    private final ChatReplies replies;
    private final int perRound;
    private final Map<String, Set<ChatSession>> byConversation = new ConcurrentHashMap<>();
    private final Map<String, List<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();
    private final ExecutorService pushes;

    ChatSessions(ChatReplies replies, ChatConfig config) {
        this.replies = replies;
        this.perRound = config.repliesPerRound();
        AtomicInteger threads = new AtomicInteger();
        this.pushes = Executors.newFixedThreadPool(PUSH_THREADS, task -> {
            Thread thread = new Thread(task, "webchat-push-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    void add(ChatSession session) {
        byConversation.computeIfAbsent(session.visitor().conversationKey(), key -> ConcurrentHashMap.newKeySet()).add(session);
    }

    void remove(ChatSession session) {
        if (session.visitor() == null) {
            return;
        }
        byConversation.computeIfPresent(session.visitor().conversationKey(), (key, sessions) -> {
            sessions.remove(session);
            return sessions.isEmpty() ? null : sessions;
        });
    }

    Set<String> conversations() {
        return Set.copyOf(byConversation.keySet());
    }

    /** A reply of {@code conversationKey} was stored: push it to its sessions here, wake its long polls. */
    void replyStored(String conversationKey) {
        Set<ChatSession> sessions = byConversation.get(conversationKey);
        if (sessions != null) {
            sessions.forEach(this::schedule);
        }
        List<CompletableFuture<Void>> polls = waiting.remove(conversationKey);
        if (polls != null) {
            polls.forEach(poll -> poll.complete(null));
        }
    }

    /** Sessions behind {@code lastCursors} (the stored last cursor by conversation) catch up. */
    void catchUp(Map<String, Long> lastCursors) {
        lastCursors.forEach((key, last) -> {
            Set<ChatSession> sessions = byConversation.get(key);
            if (sessions != null) {
                sessions.stream().filter(session -> session.cursor() < last).forEach(this::schedule);
            }
        });
    }

    /** Every session here catches up (after notifications may have been missed). */
    void catchUpAll() {
        byConversation.values().forEach(sessions -> sessions.forEach(this::schedule));
    }

    private void schedule(ChatSession session) {
        try {
            pushes.execute(() -> push(session));
        } catch (RejectedExecutionException e) {
            Log.debugf("chat session %s: not pushed, shutting down", session.id());
        }
    }

    /** Sends the session every stored reply after its cursor, in order. */
    void push(ChatSession session) {
        synchronized (session) {
            Visitor visitor = session.visitor();
            List<StoredReply> batch;
            do {
                if (!session.isOpen()) {
                    return;
                }
                batch = replies.after(visitor.inbox(), visitor.handle(), session.cursor(), perRound);
                for (StoredReply reply : batch) {
                    if (!session.send(reply.frame())) {
                        return;
                    }
                    session.advance(reply.cursor());
                }
            } while (batch.size() == perRound);
        }
    }

    /** Sends a frame to every session of the conversation. */
    void broadcast(String conversationKey, ServerFrame frame) {
        Set<ChatSession> sessions = byConversation.get(conversationKey);
        if (sessions != null) {
            sessions.forEach(session -> {
                synchronized (session) {
                    session.send(frame);
                }
            });
        }
    }

    /** Completes when a reply of the conversation is stored (or never: the caller times out). */
    CompletableFuture<Void> nextReply(String conversationKey) {
        CompletableFuture<Void> next = new CompletableFuture<>();
        waiting.computeIfAbsent(conversationKey, key -> new CopyOnWriteArrayList<>()).add(next);
        next.whenComplete((done, error) -> waiting.computeIfPresent(conversationKey, (key, polls) -> {
            polls.remove(next);
            return polls.isEmpty() ? null : polls;
        }));
        return next;
    }

    @PreDestroy
    void stop() {
        pushes.shutdown();
        try {
            pushes.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
