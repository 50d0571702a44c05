package io.omnichannel.gateway.adapters.email;

import io.omnichannel.gateway.adapters.inbox.Inbox;
import io.omnichannel.gateway.adapters.outbound.DeliveryResult;
import io.omnichannel.gateway.adapters.outbound.OutboundChannel;
import io.omnichannel.gateway.adapters.outbound.TransientDeliveryException;
import io.omnichannel.gateway.contract.Attachment;
import io.omnichannel.gateway.contract.OutboundMessage;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.vertx.ext.mail.SMTPException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Agents' replies to mail, by SMTP ({@code quarkus.mailer.*}), from the inbox's address, threaded so
 * the customer's mail client shows them in the conversation: {@code In-Reply-To} = the customer's
 * mail answered, {@code References} = its chain and itself, the subject the conversation service
 * gives ({@code Re: ...}), a Message-ID that names the conversation and a plus-addressed Reply-To
 * ({@link GatewayMessageIds}). HTML replies carry a plain-text alternative. {@code X-Gateway-Loop}
 * marks our own mail, so it is never taken in as a customer's if it comes back.
 */
@ApplicationScoped
public class SmtpReplyChannel implements OutboundChannel {

    public static final String LOOP_HEADER = "X-Gateway-Loop";

    private final Mailer mailer;
    private final EmailThreads threads;
    private final ExecutorService sender = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "smtp-sender");
        thread.setDaemon(true);
        return thread;
    });

    SmtpReplyChannel(Mailer mailer, EmailThreads threads) {
        this.mailer = mailer;
        this.threads = threads;
    }

    @Override
    public String provider() {
        return ImapMailboxes.PROVIDER;
    }

    @Override
    public Set<String> providers() {
        return Set.of(ImapMailboxes.PROVIDER, RawMimeWebhook.PROVIDER, SendGridInboundParse.PROVIDER, MailgunRoute.PROVIDER);
    }

    @Override
    public DeliveryResult deliver(Inbox inbox, OutboundMessage reply) {
        if (inbox.address() == null) {
            return DeliveryResult.rejected("email inbox '" + inbox.id() + "' has no address to send from: set adapters.inboxes.\""
                    + inbox.id() + "\".address");
        }
        String messageId = GatewayMessageIds.forReply(reply.id(), reply.conversationId(), inbox.address());
        Mail mail = new Mail()
                .setFrom(inbox.option("from-name").map(name -> quoted(name) + " <" + inbox.address() + ">").orElse(inbox.address()))
                .setTo(List.of(reply.to()))
                .setReplyTo(GatewayMessageIds.replyTo(inbox.address(), reply.conversationId()))
                .setSubject(reply.subject() != null ? reply.subject() : inbox.option("default-subject").orElse("Your message"))
                .setText(withAttachmentLinks(reply))
                .addHeader("Message-ID", "<" + messageId + ">")
                .addHeader(LOOP_HEADER, inbox.address());
        if (reply.html() != null && !reply.html().isBlank()) {
            mail.setHtml(reply.html());
        }
        if (reply.inReplyTo() != null) {
            mail.addHeader("In-Reply-To", "<" + reply.inReplyTo() + ">");
            mail.addHeader("References", threads.referencesForReplyTo(inbox.id(), reply.inReplyTo()).stream()
                    .map(id -> "<" + id + ">").collect(Collectors.joining(" ")));
        }
        try {
            send(mail);
            return DeliveryResult.accepted(messageId);
        } catch (RuntimeException e) {
            SMTPException smtp = smtpCause(e);
            if (smtp != null && smtp.isPermanent()) {
                return DeliveryResult.rejected("the mail server refused the reply: " + smtp.getReplyCode() + " "
                        + smtp.getReplyMessage());
            }
            throw new TransientDeliveryException("SMTP: " + (smtp != null ? smtp.getReplyCode() + " " + smtp.getReplyMessage()
                    : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e);
        }
    }

    /**
     * Sends on a thread without a Vert.x context: the mailer completes on the caller's context, which
     * is the blocked consumer thread itself when called from the outbound consumer.
     */
    private void send(Mail mail) {
        Future<?> sending = sender.submit(() -> mailer.send(mail));
        try {
            sending.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            sending.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending", e);
        }
    }

    @PreDestroy
    void stop() {
        sender.shutdownNow();
    }

    /** Files the agent attached are links (the conversation service stores them); listed under the text. */
    private static String withAttachmentLinks(OutboundMessage reply) {
        List<Attachment> linked = reply.attachments().stream().filter(a -> a.ref() != null).toList();
        if (linked.isEmpty()) {
            return reply.text();
        }
        return reply.text() + "\n\n" + linked.stream().map(a -> (a.name() != null ? a.name() + ": " : "") + a.ref())
                .collect(Collectors.joining("\n"));
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static SMTPException smtpCause(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPException smtp) {
                return smtp;
            }
        }
        return null;
    }
}
