package io.omnichannel.gateway.adapters.email.mime;

import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.field.ContentTypeFieldLenientImpl;
import org.apache.james.mime4j.stream.RawField;

/**
 * Tells a person's mail from a machine's, so that out-of-office answers, bounces and list mail do not open
 * conversations, and replies never answer an auto-reply (RFC 3834).
 *
 * <ul>
 * <li>{@link AutomatedKind#LOOP}: an X-Gateway-Loop header (a message the gateway sent coming back);</li>
 * <li>{@link AutomatedKind#BOUNCE}: multipart/report with report-type delivery-status (or none), a
 * message/delivery-status part, a mailer-daemon or postmaster sender, or a subject starting like "Undeliverable",
 * "Delivery Status Notification", "Mail delivery failed", "Unzustellbar";</li>
 * <li>{@link AutomatedKind#AUTO_REPLY}: Auto-Submitted other than "no", X-Autoreply, X-Autorespond,
 * X-Auto-Response-Suppress All or OOF, Precedence auto_reply, another multipart/report (read receipts), or a subject
 * starting like "Out of Office", "Automatic reply", "Autosvar", "Abwesenheitsnotiz", "Réponse automatique";</li>
 * <li>{@link AutomatedKind#LIST_OR_BULK}: Precedence bulk, junk or list, List-Id or List-Unsubscribe.</li>
 * </ul>
 *
 * <p>Sender and subject are a fallback for systems that set none of these headers. When several signs are present
 * the most specific kind wins: our own loop, then a bounce, then an auto-reply, then list or bulk mail.
 * Subjects count only by their prefix, so a person's "Re: Out of office" is not taken for a machine's.
 */
public final class AutomatedMail {

    private static final Pattern BOUNCE_SENDER = Pattern.compile("^(mailer-daemon|postmaster|mail-daemon|mailerdaemon)@",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BOUNCE_SUBJECT = Pattern.compile(
            "^\\s*(delivery status notification|undeliverable|undelivered mail|delivery failure|mail delivery failed"
                    + "|failure notice|returned mail|delivery has failed|unzustellbar|non remis|no se puede entregar)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern AUTO_REPLY_SUBJECT = Pattern.compile(
            "^\\s*(out of (the )?office|automatic reply|auto[- ]?reply|autoreply|autosvar|abwesenheitsnotiz|automatische antwort"
                    + "|réponse automatique|absence du bureau|respuesta automática|fuera de la oficina|risposta automatica"
                    + "|automatisch antwoord|afwezigheidsmelding|מענה 'אני לא נמצא')",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Set<String> LIST_PRECEDENCE = Set.of("bulk", "junk", "list");

    private AutomatedMail() {
    }

    /**
     * @param header      header value by lower-case name, null when absent
     * @param fromAddress the sender's address, may be null
     * @param subject     the decoded subject, may be null
     * @param contentType the top-level MIME type without parameters, e.g. {@code multipart/report}; may be null
     */
    public static AutomatedKind classify(Function<String, String> header, String fromAddress, String subject, String contentType) {
        return classify(header, fromAddress, subject, contentType, Set.of());
    }

    /** As {@link #classify(Function, String, String, String)}, also knowing the MIME types of the message's parts. */
    public static AutomatedKind classify(Function<String, String> header, String fromAddress, String subject, String contentType,
            Set<String> partTypes) {
        if (header.apply("x-gateway-loop") != null) {
            return AutomatedKind.LOOP;
        }
        if (isBounce(header, fromAddress, subject, contentType, partTypes)) {
            return AutomatedKind.BOUNCE;
        }
        if (isAutoReply(header, subject, contentType)) {
            return AutomatedKind.AUTO_REPLY;
        }
        String precedence = lower(header.apply("precedence"));
        if (precedence != null && LIST_PRECEDENCE.contains(precedence)
                || header.apply("list-id") != null || header.apply("list-unsubscribe") != null) {
            return AutomatedKind.LIST_OR_BULK;
        }
        return AutomatedKind.NONE;
    }

    private static boolean isBounce(Function<String, String> header, String fromAddress, String subject, String contentType,
            Set<String> partTypes) {
        if ("multipart/report".equalsIgnoreCase(contentType)) {
            String reportType = reportType(header.apply("content-type"));
            if (reportType == null || reportType.equals("delivery-status")) {
                return true;
            }
        }
        if (partTypes.contains("message/delivery-status") || partTypes.contains("message/global-delivery-status")) {
            return true;
        }
        if (fromAddress != null && BOUNCE_SENDER.matcher(fromAddress).find()) {
            return true;
        }
        return subject != null && BOUNCE_SUBJECT.matcher(subject).find();
    }

    private static boolean isAutoReply(Function<String, String> header, String subject, String contentType) {
        String autoSubmitted = lower(header.apply("auto-submitted"));
        if (autoSubmitted != null && !autoSubmitted.startsWith("no")) {
            return true;
        }
        if (header.apply("x-autoreply") != null || header.apply("x-autorespond") != null
                || header.apply("x-autoresponder") != null) {
            return true;
        }
        if ("auto_reply".equals(lower(header.apply("precedence")))) {
            return true;
        }
        String suppress = lower(header.apply("x-auto-response-suppress"));
        if (suppress != null && (suppress.contains("all") || suppress.contains("oof"))) {
            return true;
        }
        // read receipts (RFC 8098) are reports too, but not failures
        if ("multipart/report".equalsIgnoreCase(contentType)) {
            return true;
        }
        return subject != null && AUTO_REPLY_SUBJECT.matcher(subject).find();
    }

    private static String reportType(String contentTypeHeader) {
        if (contentTypeHeader == null) {
            return null;
        }
        return lower(ContentTypeFieldLenientImpl.PARSER.parse(new RawField("Content-Type", contentTypeHeader), DecodeMonitor.SILENT)
                .getParameter("report-type"));
    }

    private static String lower(String value) {
        return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }
}
