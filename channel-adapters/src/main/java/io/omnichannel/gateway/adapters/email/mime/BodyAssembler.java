package io.omnichannel.gateway.adapters.email.mime;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the part tree into what a reader sees: one text, one HTML, the attachments.
 *
 * <p>A text/plain or text/html part is body unless it is an attachment (Content-Disposition attachment, or a file
 * name without an inline disposition). In a multipart/alternative the plain part gives the text (several distinct
 * plain parts are all kept; a blank one gives way to the HTML's text) and the richest (last) HTML part the HTML; in every other multipart the bodies follow each other, HTML-only pieces adding their
 * text to the text. Everything else, wherever it sits, is an attachment. {@code format=flowed} text is unflowed.
 */
final class BodyAssembler {

    private final EmailLimits limits;
    private final Notes notes;
    private final List<EmailAttachment> attachments = new ArrayList<>();
    private final Set<String> partTypes = new LinkedHashSet<>();
    private String language;

    BodyAssembler(EmailLimits limits, Notes notes) {
        this.limits = limits;
        this.notes = notes;
    }

    /** The assembled message body. */
    record Assembled(String text, String html, List<EmailAttachment> attachments, Set<String> partTypes, String language) {
    }

    /** A piece of body: its text (or null), whether that text was derived from HTML, its HTML (or null). */
    private record Body(String text, boolean derived, String html) {
        static final Body NONE = new Body(null, false, null);
    }

    Assembled assemble(Part root) {
        Body body = collect(root);
        String text = body.text() == null ? "" : normalizeLineEnds(body.text());
        return new Assembled(text, body.html(), attachments, partTypes, language);
    }

    private Body collect(Part part) {
        if (!part.multipart && !part.children.isEmpty()) {
            // a message/rfc822 that is the whole body: its single child is the inner message
            return collect(part.children.get(0));
        }
        if (part.skipped != Part.Skipped.NO || part.mimeType == null) {
            return Body.NONE;
        }
        partTypes.add(part.mimeType);
        if (part.multipart) {
            return part.children.isEmpty() ? preambleAsText(part) : collectMultipart(part);
        }
        if (isBodyText(part)) {
            return bodyText(part);
        }
        attachments.add(attachment(part));
        return Body.NONE;
    }

    private Body collectMultipart(Part part) {
        List<Body> bodies = new ArrayList<>();
        for (Part child : part.children) {
            bodies.add(collect(child));
        }
        if (part.mimeType.equals("multipart/alternative")) {
            // several plain alternatives are a sender's mistake for a mixed part more often than real alternatives:
            // keep each distinct text rather than drop one
            StringBuilder plainTexts = null;
            for (Body body : bodies) {
                if (body.text() != null && !body.derived() && (plainTexts == null || !plainTexts.toString().contains(body.text()))) {
                    plainTexts = append(plainTexts, body.text());
                }
            }
            Body plain = plainTexts == null ? null : new Body(plainTexts.toString(), false, null);
            Body html = null;
            for (Body body : bodies) {
                if (body.html() != null) {
                    html = body;
                }
            }
            if (plain == null && html == null) {
                return bodies.stream().filter(b -> b.text() != null).findFirst().orElse(Body.NONE);
            }
            if (plain == null || plain.text().isBlank() && html != null && !html.text().isBlank()) {
                // some clients send an empty plain alternative next to the real HTML one
                return html;
            }
            return new Body(plain.text(), false, html == null ? null : html.html());
        }
        StringBuilder text = null;
        StringBuilder html = null;
        boolean allDerived = true;
        for (Body body : bodies) {
            if (body.text() != null) {
                text = append(text, body.text());
                allDerived &= body.derived();
            }
            if (body.html() != null) {
                html = html == null ? new StringBuilder(body.html()) : html.append('\n').append(body.html());
            }
        }
        return new Body(text == null ? null : text.toString(), text != null && allDerived, html == null ? null : html.toString());
    }

    private static StringBuilder append(StringBuilder text, String piece) {
        if (text == null) {
            return new StringBuilder(piece);
        }
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        text.setLength(end);
        return text.append("\n\n").append(piece);
    }

    private Body bodyText(Part part) {
        if (language == null) {
            language = part.language;
        }
        String what = part.mimeType + " part";
        if (part.overLimit) {
            notes.accept("a " + what + " of " + part.size + " bytes is over the " + limits.maxAttachmentBytes()
                    + "-byte limit: its text was cut");
        }
        String content = TextDecoding.decode(part.content, part.charset, what, notes);
        if (part.mimeType.equals("text/html")) {
            return new Body(EmailBodies.textFromHtml(content), true, content);
        }
        return new Body(isFlowed(part) ? FlowedText.unflow(content, "yes".equalsIgnoreCase(parameter(part, "delsp"))) : content,
                false, null);
    }

    private static boolean isFlowed(Part part) {
        return "flowed".equalsIgnoreCase(parameter(part, "format"));
    }

    private static String parameter(Part part, String name) {
        var contentType = part.declaredContentType();
        String value = contentType == null ? null : contentType.getParameter(name);
        return value == null ? null : value.strip();
    }

    private Body preambleAsText(Part part) {
        if (part.content == null || part.content.length == 0) {
            return Body.NONE;
        }
        return new Body(TextDecoding.decode(part.content, "utf-8", part.mimeType + " part without parts", notes), false, null);
    }

    private static boolean isBodyText(Part part) {
        boolean text = part.mimeType.equals("text/plain") || part.mimeType.equals("text/html");
        if (!text || "attachment".equals(part.dispositionType)) {
            return false;
        }
        return "inline".equals(part.dispositionType) || MimeParameters.filename(part, note -> { }) == null;
    }

    private EmailAttachment attachment(Part part) {
        String name = MimeParameters.filename(part, notes);
        boolean inline = "inline".equals(part.dispositionType) || part.dispositionType == null && part.contentId != null;
        byte[] content = part.content;
        if (part.overLimit) {
            notes.accept(EmailAttachment.overLimitNote(name, part.mimeType, part.size, limits.maxAttachmentBytes()));
            content = null;
        }
        return new EmailAttachment(name, part.mimeType, part.size, part.contentId, inline, content);
    }

    static String normalizeLineEnds(String text) {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        return normalized.startsWith("\uFEFF") ? normalized.substring(1) : normalized;
    }
}
