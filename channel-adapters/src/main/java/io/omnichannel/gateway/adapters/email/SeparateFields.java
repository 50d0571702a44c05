package io.omnichannel.gateway.adapters.email;

import io.omnichannel.gateway.adapters.email.mime.EmailAttachment;
import io.omnichannel.gateway.adapters.email.mime.EmailBodies;
import io.omnichannel.gateway.adapters.email.mime.EmailParser;
import io.omnichannel.gateway.adapters.email.mime.MalformedEmailException;
import io.omnichannel.gateway.adapters.email.mime.ParsedEmail;
import io.omnichannel.gateway.adapters.rest.MultipartForm;
import io.omnichannel.gateway.adapters.rest.WebhookRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A mail that a provider delivers already taken apart (SendGrid's default Inbound Parse, Mailgun's
 * forward): the header section goes through the same MIME parser as any mail (ids, addresses,
 * subject, date, auto-reply and bounce headers), the bodies through the same sanitizing and quote
 * stripping, so a mail reads the same whichever way it came in.
 */
final class SeparateFields {

    private SeparateFields() {
    }

    /**
     * @param newText the provider's own reply-only text (Mailgun's {@code stripped-text}), or null to strip quotes ourselves
     */
    static ParsedEmail assemble(EmailParser parser, String headerSection, String text, String html, String newText,
            List<EmailAttachment> attachments, List<String> notes) {
        ParsedEmail headers;
        try {
            headers = parser.parse((headerSection.strip() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (MalformedEmailException e) {
            throw WebhookRejectedException.malformed("headers", "the mail's header section could not be read: " + e.getMessage());
        }
        String plain = text != null && !text.isBlank() ? text : html != null ? EmailBodies.textFromHtml(html) : "";
        String reply = newText != null && !newText.isBlank() ? newText : EmailBodies.newText(plain);
        List<String> allNotes = new ArrayList<>(headers.notes());
        allNotes.addAll(notes);
        return new ParsedEmail(headers.messageId(), headers.inReplyTo(), headers.references(), headers.from(),
                headers.replyTo(), headers.to(), headers.cc(), headers.subject(), headers.date(), plain, reply,
                html == null || html.isBlank() ? null : EmailBodies.sanitizeHtml(html), headers.language(), attachments,
                headers.automated(), headers.headers(), allNotes);
    }

    /** The form's files as attachments; one over the limit keeps its metadata, with a note. */
    static List<EmailAttachment> attachments(List<MultipartForm.Part> files, long limit, List<String> notes) {
        List<EmailAttachment> attachments = new ArrayList<>();
        for (MultipartForm.Part file : files) {
            if (file.content() == null) {
                notes.add(EmailAttachment.overLimitNote(file.filename(), file.contentType(), file.size(), limit));
            }
            attachments.add(new EmailAttachment(file.filename(), file.contentType(), file.size(), null, false, file.content()));
        }
        return attachments;
    }
}
