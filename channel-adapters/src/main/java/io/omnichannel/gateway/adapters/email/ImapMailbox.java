package io.omnichannel.gateway.adapters.email;

import io.omnichannel.gateway.adapters.email.mime.EmailParser;
import io.omnichannel.gateway.adapters.email.mime.MalformedEmailException;
import io.omnichannel.gateway.adapters.email.mime.ParsedEmail;
import io.omnichannel.gateway.adapters.inbound.InboundPipeline;
import io.omnichannel.gateway.adapters.inbound.Normalized;
import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.outbound.StatusReports;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import io.quarkus.logging.Log;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * One IMAP mailbox, polled on a thread of its own. Each unseen mail is read without marking it
 * (peek), taken in like any mail and marked \Seen (and moved to {@code options.processed-folder}
 * when set) only after the broker acknowledged it: a crash in between reads it again, and the same
 * Message-ID is the same message. A mail that cannot be read is never deleted: it is flagged, marked
 * seen so it is not read again, moved to {@code options.failed-folder} when set, and logged. Where the
 * server has IDLE the mailbox waits for new mail instead of polling.
 */
final class ImapMailbox implements Runnable {

    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

    private final Inbox inbox;
    private final EmailConfig.Imap config;
    private final EmailParser parser;
    private final EmailIntake intake;
    private final InboundPipeline pipeline;
    private final StatusReports statusReports;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService idleWaker;
    private volatile boolean running = true;
    private volatile Thread thread;

    ImapMailbox(Inbox inbox, EmailConfig config, EmailIntake intake, InboundPipeline pipeline, StatusReports statusReports) {
        this.inbox = inbox;
        this.config = config.imap();
        this.parser = new EmailParser(config.limits());
        this.intake = intake;
        this.pipeline = pipeline;
        this.statusReports = statusReports;
        this.idleWaker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread waker = new Thread(runnable, "imap-idle-" + inbox.id());
            waker.setDaemon(true);
            return waker;
        });
    }

    void start() {
        thread = new Thread(this, "imap-" + inbox.id());
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
        idleWaker.shutdownNow();
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public void run() {
        Duration backoff = config.retryBackoff();
        while (running) {
            try (Store store = connect(); Folder folder = open(store, inbox.option("folder").orElse("INBOX"))) {
                Log.infof("inbox %s: watching IMAP %s/%s", inbox.id(), host(), folder.getFullName());
                backoff = config.retryBackoff();
                while (running) {
                    takeUnseen(store, folder);
                    waitForMail(store, folder);
                }
            } catch (MessagingException | RuntimeException e) {
                if (!running) {
                    return;
                }
                Log.warnf("inbox %s: IMAP %s: %s; reconnecting in %s", inbox.id(), host(), e.getMessage(), backoff);
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(config.retryBackoff().multipliedBy(10)) > 0
                        ? config.retryBackoff().multipliedBy(10) : backoff.multipliedBy(2);
            }
        }
    }

    private void takeUnseen(Store store, Folder folder) throws MessagingException {
        Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        for (Message message : unseen) {
            if (!running) {
                return;
            }
            take(store, folder, message);
        }
    }

    private void take(Store store, Folder folder, Message message) throws MessagingException {
        byte[] raw;
        ParsedEmail email;
        try {
            raw = read(message);
            email = parser.parse(raw);
        } catch (MalformedEmailException | IOException e) {
            setAside(store, folder, message, e.getMessage());
            return;
        }
        Normalized normalized;
        try {
            normalized = intake.normalize(inbox, email, raw, clock.instant());
        } catch (WebhookRejectedException e) {
            setAside(store, folder, message, e.getMessage());
            return;
        }
        if (!normalized.statuses().isEmpty()) {
            statusReports.report(normalized.statuses());
        }
        try {
            pipeline.publish(normalized.messages()).toCompletableFuture()
                    .get(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new MessagingException("the broker did not take mail " + email.messageId() + "; it stays unseen", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessagingException("stopped before mail " + email.messageId() + " was on the broker; it stays unseen");
        }
        message.setFlag(Flags.Flag.SEEN, true);
        inbox.option("processed-folder").ifPresent(target -> move(store, folder, message, target));
    }

    /** A mail that cannot be taken in: kept in the mailbox, flagged for a person, and not read again. */
    private void setAside(Store store, Folder folder, Message message, String reason) throws MessagingException {
        Log.errorf("inbox %s: mail #%d cannot be read (%s): flagged and left in the mailbox", inbox.id(),
                message.getMessageNumber(), reason);
        message.setFlag(Flags.Flag.FLAGGED, true);
        message.setFlag(Flags.Flag.SEEN, true);
        inbox.option("failed-folder").ifPresent(target -> move(store, folder, message, target));
    }

    private void move(Store store, Folder folder, Message message, String target) {
        try {
            Folder destination = store.getFolder(target);
            if (!destination.exists()) {
                destination.create(Folder.HOLDS_MESSAGES);
            }
            if (folder instanceof IMAPFolder imap && ((IMAPStore) store).hasCapability("MOVE")) {
                imap.moveMessages(new Message[] {message}, destination);
            } else {
                folder.copyMessages(new Message[] {message}, destination);
                message.setFlag(Flags.Flag.DELETED, true);
                folder.expunge();
            }
        } catch (MessagingException e) {
            Log.warnf("inbox %s: mail #%d taken in but not moved to %s: %s", inbox.id(), message.getMessageNumber(),
                    target, e.getMessage());
        }
    }

    /** IDLE until new mail (woken at the latest after idle-timeout), or a pause of poll-interval where the server has no IDLE. */
    private void waitForMail(Store store, Folder folder) throws MessagingException {
        boolean idle = inbox.option("idle").map(Boolean::parseBoolean).orElse(true)
                && ((IMAPStore) store).hasCapability("IDLE");
        if (!idle) {
            sleep(config.pollInterval());
            return;
        }
        ScheduledFuture<?> wake = idleWaker.schedule(() -> {
            try {
                // a command sent from another thread ends the IDLE (a cached call such as getMessageCount sends none)
                ((IMAPFolder) folder).doCommand(protocol -> {
                    protocol.noop();
                    return null;
                });
            } catch (MessagingException e) {
                Log.debugf("inbox %s: waking IDLE: %s", inbox.id(), e.getMessage());
            }
        }, config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS);
        try {
            ((IMAPFolder) folder).idle(true);
        } finally {
            wake.cancel(false);
        }
    }

    private Store connect() throws MessagingException {
        boolean tls = inbox.option("tls").map(Boolean::parseBoolean).orElse(true);
        String protocol = tls ? "imaps" : "imap";
        Properties properties = new Properties();
        String timeout = String.valueOf(config.connectTimeout().toMillis());
        properties.put("mail." + protocol + ".connectiontimeout", timeout);
        properties.put("mail." + protocol + ".timeout", String.valueOf(config.idleTimeout().plusMinutes(1).toMillis()));
        // reading a mail must not mark it seen: that happens once the broker has it
        properties.put("mail." + protocol + ".peek", "true");
        inbox.option("starttls").ifPresent(value -> properties.put("mail." + protocol + ".starttls.required", value));
        Store store = Session.getInstance(properties).getStore(protocol);
        store.connect(host(), inbox.option("port").map(Integer::parseInt).orElse(tls ? 993 : 143),
                inbox.option("username").orElse(inbox.address()), inbox.secret());
        return store;
    }

    private static Folder open(Store store, String name) throws MessagingException {
        Folder folder = store.getFolder(name);
        folder.open(Folder.READ_WRITE);
        return folder;
    }

    private String host() {
        return inbox.option("host").orElseThrow(() -> new IllegalStateException(
                "adapters.inboxes.\"" + inbox.id() + "\".options.host: the IMAP server is not configured"));
    }

    private static byte[] read(Message message) throws IOException, MessagingException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(Math.max(message.getSize(), 1024));
        message.writeTo(raw);
        return raw.toByteArray();
    }

    private void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
