package io.omnichannel.gateway.adapters.email.mime;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A message as the gateway uses it: envelope headers decoded, one plain text, one sanitized HTML, the attachments.
 *
 * @param messageId  the Message-ID without angle brackets, or null
 * @param inReplyTo  the first msg-id of In-Reply-To without angle brackets, or null
 * @param references the msg-ids of References in order, without angle brackets; never null
 * @param from       the first mailbox of From, or null when there is none
 * @param replyTo    the first mailbox of Reply-To, or null
 * @param to         the mailboxes of To (groups flattened); never null
 * @param cc         the mailboxes of Cc; never null
 * @param subject    the decoded Subject, or null
 * @param date       the Date, or null when absent or unparseable
 * @param text       the whole plain text with {@code \n} line ends; never null, possibly empty
 * @param newText    {@code text} without quoted earlier messages and the signature; never null
 * @param html       the HTML body sanitized, or null when the message has none
 * @param language   the Content-Language, or null
 * @param attachments every part that is not body text, in message order; never null
 * @param automated  whether a machine sent it, see {@link AutomatedMail}
 * @param headers    the threading and automation headers worth keeping, by lower-case name, only those present
 * @param notes      what the parser had to repair, cut or guess, for a person to read; never null
 *
 * <p>Null lists, maps and texts given to the constructor become empty ones, so that the webhook formats can build
 * one from the fields they have.
 */
public record ParsedEmail(
        String messageId,
        String inReplyTo,
        List<String> references,
        EmailAddress from,
        EmailAddress replyTo,
        List<EmailAddress> to,
        List<EmailAddress> cc,
        String subject,
        Instant date,
        String text,
        String newText,
        String html,
        String language,
        List<EmailAttachment> attachments,
        AutomatedKind automated,
        Map<String, String> headers,
        List<String> notes) {

    public ParsedEmail {
        references = references == null ? List.of() : List.copyOf(references);
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        text = text == null ? "" : text;
        newText = newText == null ? "" : newText;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        automated = automated == null ? AutomatedKind.NONE : automated;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
